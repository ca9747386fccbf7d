package fr.elus.dife.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.api.ConflitException;
import fr.elus.dife.api.InterditException;
import fr.elus.dife.dossier.DossierRepository.DossierEnregistre;
import fr.elus.dife.dossier.DossierRepository.EvenementEnregistre;
import fr.elus.dife.securite.ActionDuService;
import fr.elus.dife.securite.Groupes;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.SaisieRefusee;
import fr.elus.dife.securite.UtilisateurCourant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an outside event to a dossier exactly once: the event id is recorded in
 * the same transaction as the message correlation, so a repeat (even a concurrent
 * one) finds it and has no second effect, and a refused event leaves no trace.
 */
@Service
public class EvenementsDossier {

  private static final Logger LOG = LoggerFactory.getLogger(EvenementsDossier.class);
  private static final Pattern ID_EVENEMENT = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

  private static final List<Function<String, LocalDate>> FORMATS_DATE = List.of(
      texte -> OffsetDateTime.parse(texte).toLocalDate(), texte -> LocalDateTime.parse(texte).toLocalDate(),
      LocalDate::parse);

  private final RuntimeService runtimeService;
  private final DossierRepository dossiers;
  private final DossiersVisibles visibles;
  private final UtilisateurCourant utilisateur;
  private final Clock horloge;
  private final ActionDuService service;

  public EvenementsDossier(RuntimeService runtimeService, DossierRepository dossiers, DossiersVisibles visibles,
      UtilisateurCourant utilisateur, Clock horloge, ActionDuService service) {
    this.service = service;
    this.runtimeService = runtimeService;
    this.dossiers = dossiers;
    this.visibles = visibles;
    this.utilisateur = utilisateur;
    this.horloge = horloge;
  }

  public enum Issue { APPLIQUE, DEJA_APPLIQUE }

  /** Thrown to roll back when a concurrent request recorded the same event first. */
  static class DejaAppliqueException extends RuntimeException {
    DejaAppliqueException() {
      super("Événement déjà appliqué", null, false, false);
    }
  }

  @Transactional
  public Issue appliquer(String reference, JsonNode corps) {
    DossierEnregistre dossier = visibles.trouver(reference);
    if (!utilisateur.estDansUnDe(Groupes.ADMINISTRATEURS, Groupes.CONSEILLERS, Groupes.SUPERVISEURS)) {
      throw new InterditException("Seuls les conseillers, les superviseurs et les systèmes qui agissent pour eux "
          + "peuvent signaler un événement.");
    }
    ChampsJson champs = new ChampsJson(corps);
    String idEvenement = champs.texte("idEvenement", true, 100);
    if (idEvenement != null && !ID_EVENEMENT.matcher(idEvenement).matches()) {
      champs.erreur("idEvenement", "Le champ « idEvenement » ne peut contenir que des lettres sans accent, "
          + "des chiffres et . _ : - (100 caractères au plus).");
    }
    TypeEvenement type = champs.enumeration("type", TypeEvenement.class, true);
    String date = dateEvenement(champs);
    if (champs.present("donnees") && !champs.noeud("donnees").isObject()) {
      champs.erreur("donnees", "Le champ « donnees » doit être un objet JSON.");
    }
    Map<String, Object> variables = type == null ? Map.of() : type.lireDonnees(champs, LocalDate.now(horloge));
    champs.verifier();

    Optional<EvenementEnregistre> connu = dossiers.trouverEvenement(idEvenement);
    if (connu.isPresent()) {
      if (connu.get().reference().equals(reference) && connu.get().type().equals(type.name())) {
        return Issue.DEJA_APPLIQUE;
      }
      throw new ConflitException("L'idEvenement « " + idEvenement + " » a déjà servi pour un autre événement.");
    }
    try {
      dossiers.insererEvenement(new EvenementEnregistre(idEvenement, reference, type.name(), date,
          horloge.instant(), utilisateur.identifiant()));
    } catch (DuplicateKeyException concurrent) {
      throw new DejaAppliqueException();
    }
    try {
      service.executer(() -> runtimeService.createMessageCorrelation(type.message())
          .processInstanceBusinessKey(reference)
          .tenantId(dossier.association())
          .setVariables(variables)
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException pasAttendu) {
      throw new ConflitException("Le dossier " + reference + " n'attend pas l'événement " + type.name()
          + " à son étape actuelle : rien n'a été modifié.");
    }
    LOG.info("Dossier {} : événement {} ({}) appliqué", reference, type, idEvenement);
    return Issue.APPLIQUE;
  }

  private static String dateEvenement(ChampsJson champs) {
    String date = champs.texte("date", true, 40);
    if (date == null) {
      return null;
    }
    for (Function<String, LocalDate> lecture : FORMATS_DATE) {
      LocalDate jour;
      try {
        jour = lecture.apply(date);
      } catch (DateTimeParseException e) {
        continue;
      }
      try {
        Jour.verifier(jour);
        return date;
      } catch (SaisieRefusee refus) {
        champs.erreur("date", refus.pourLeChamp("date"));
        return null;
      }
    }
    champs.erreur("date", "Le champ « date » doit être une date ISO-8601 (2026-03-02 ou 2026-03-02T14:30:00+01:00).");
    return null;
  }
}
