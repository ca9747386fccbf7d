package fr.elus.dife.dossier;

import fr.elus.dife.api.ConflitException;
import fr.elus.dife.api.InterditException;
import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.dossier.DemandeOuverture.Elu;
import fr.elus.dife.dossier.DemandeOuverture.Situation;
import fr.elus.dife.parcours.StatutDossier;
import fr.elus.dife.securite.ActionDuService;
import fr.elus.dife.securite.AssociationTenantIdProvider;
import fr.elus.dife.securite.AssociationsProperties;
import fr.elus.dife.securite.Groupes;
import fr.elus.dife.securite.UtilisateurCourant;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a dossier: the reference, the duplicate check and the start of dife-parcours, all or nothing. */
@Service
public class OuvertureDossier {

  // the instance starts before its dife_dossier row can be written (the row needs its id)
  private static final ThreadLocal<Boolean> OUVERTURE_EN_COURS = new ThreadLocal<>();

  /**
   * Whether this thread is starting a dossier's instance for the dossier service now: an
   * instance of dife-parcours is a dossier only if opened so (or its dife_dossier row exists).
   */
  public static boolean ouvertureEnCours() {
    return Boolean.TRUE.equals(OUVERTURE_EN_COURS.get());
  }

  public static final String PROCESSUS_PARCOURS = "dife-parcours";
  private static final Logger LOG = LoggerFactory.getLogger(OuvertureDossier.class);

  private final RuntimeService runtimeService;
  private final DossierRepository dossiers;
  private final CompteurReferences compteur;
  private final ProtectionIdentite protection;
  private final UtilisateurCourant utilisateur;
  private final AssociationsProperties associations;
  private final Clock horloge;
  private final ActionDuService service;

  public OuvertureDossier(RuntimeService runtimeService, DossierRepository dossiers, CompteurReferences compteur,
      ProtectionIdentite protection, UtilisateurCourant utilisateur, AssociationsProperties associations,
      Clock horloge, ActionDuService service) {
    this.service = service;
    this.runtimeService = runtimeService;
    this.dossiers = dossiers;
    this.compteur = compteur;
    this.protection = protection;
    this.utilisateur = utilisateur;
    this.associations = associations;
    this.horloge = horloge;
  }

  public record DossierOuvert(String reference, String processInstanceId, String statutDossier) {
  }

  @Transactional
  public DossierOuvert ouvrir(DemandeOuverture demande) {
    if (!utilisateur.estDansUnDe(Groupes.ADMINISTRATEURS, Groupes.CONSEILLERS, Groupes.SUPERVISEURS)) {
      throw new InterditException("Seuls les conseillers et les superviseurs peuvent ouvrir un dossier.");
    }
    String association = associationDuDossier(demande.association());
    Elu elu = demande.elu();
    String cleEtatCivil = protection.cleEtatCivil(elu.nomNaissance(), elu.prenoms(), elu.dateNaissance());
    String cleDoublon = elu.nir() != null ? protection.cleNir(elu.nir()) : cleEtatCivil;
    if (elu.nir() == null && dossiers.existeOuvertPourEtatCivil(association, cleEtatCivil)) {
      throw dejaOuvert();
    }
    Instant maintenant = horloge.instant();
    String reference = compteur.prochaine(Year.now(horloge));
    ProcessInstance instance;
    OUVERTURE_EN_COURS.set(Boolean.TRUE);
    try {
      instance = AssociationTenantIdProvider.demarrerDans(association, () -> service.executer(
          () -> runtimeService.createProcessInstanceByKey(PROCESSUS_PARCOURS)
              .businessKey(reference)
              .setVariables(variables(reference, demande))
              .execute()));
    } finally {
      OUVERTURE_EN_COURS.remove();
    }
    try {
      dossiers.inserer(reference, association, instance.getId(), cleDoublon, cleEtatCivil, maintenant);
    } catch (DuplicateKeyException doublon) {
      throw dejaOuvert();
    }
    LOG.info("Dossier {} ouvert pour l'association {} par {}", reference, association, utilisateur.identifiant());
    return new DossierOuvert(reference, instance.getId(), StatutDossier.OUVERT.name());
  }

  private static ConflitException dejaOuvert() {
    return new ConflitException("Un dossier ouvert existe déjà pour cet élu dans votre association.");
  }

  /** The caller's association; one must be named when the caller belongs to several. */
  private String associationDuDossier(String demandee) {
    List<String> siennes = utilisateur.estAdministrateur() ? associations.identifiants() : utilisateur.associations();
    if (demandee == null) {
      if (siennes.size() == 1) {
        return siennes.get(0);
      }
      throw new RequeteInvalideException("association", siennes.isEmpty()
          ? "Votre compte n'est rattaché à aucune association : il ne peut pas ouvrir de dossier."
          : "Le champ « association » est obligatoire pour un compte rattaché à plusieurs associations ("
              + String.join(", ", siennes) + ").");
    }
    if (!siennes.contains(demandee)) {
      throw new RequeteInvalideException("association",
          "Le champ « association » doit désigner l'une de vos associations (" + String.join(", ", siennes) + ").");
    }
    return demandee;
  }

  private static Map<String, Object> variables(String reference, DemandeOuverture demande) {
    Elu elu = demande.elu();
    Situation situation = demande.situation();
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", reference);
    // what Tasklist's search looks into (its filters cannot OR variables case-insensitively): lower case
    variables.put("recherche", Stream.of(elu.nomNaissance(), elu.nomUsage(), elu.prenoms(), elu.collectiviteNom(),
        reference).filter(Objects::nonNull).collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT));
    variables.put(StatutDossier.VARIABLE, StatutDossier.OUVERT.name());
    variables.put("nomNaissance", elu.nomNaissance());
    variables.put("nomUsage", elu.nomUsage());
    variables.put("prenoms", elu.prenoms());
    variables.put("dateNaissance", elu.dateNaissance().toString());
    variables.put("lieuNaissance", elu.lieuNaissance());
    variables.put("nationalite", elu.nationalite());
    variables.put("nirMasque", elu.nir() == null ? null : elu.nir().masque());
    variables.put("email", elu.email());
    variables.put("telephoneMobile", elu.telephoneMobile());
    variables.put("telephoneFixe", elu.telephoneFixe());
    variables.put("collectiviteNom", elu.collectiviteNom());
    variables.put("collectiviteCodeInsee", elu.collectiviteCodeInsee());
    variables.put("mandat", elu.mandat());
    variables.put("compteFormation", situation.compteFormation());
    variables.put("identiteNumerique", situation.identiteNumerique());
    variables.put("smartphoneOs", situation.smartphoneOs().name());
    variables.put("smartphoneVersion", situation.smartphoneVersion());
    // the channel decision compares the major version with the minimums of R3
    variables.put("smartphoneVersionMajeure", situation.smartphoneVersion() == null ? null
        : Integer.valueOf(situation.smartphoneVersion().split("\\.")[0]));
    variables.put("franceIdentite", situation.franceIdentite());
    variables.put("pieceIdentiteFrancaiseValide", situation.pieceIdentiteFrancaiseValide());
    variables.put("cameraEtMicro", situation.cameraEtMicro());
    variables.put("preferenceCanal", situation.preferenceCanal().name());
    // money travels as text with 2 decimals: a Double would lose cents
    variables.put("droitsDife", demande.droitsDife() == null ? null : demande.droitsDife().toPlainString());
    return variables;
  }
}
