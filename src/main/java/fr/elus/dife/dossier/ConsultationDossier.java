package fr.elus.dife.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.dossier.DossierRepository.DossierEnregistre;
import fr.elus.dife.notification.JournalCourriels;
import fr.elus.dife.parcours.StatutDossier;
import fr.elus.dife.regles.ReferentielCommunes;
import fr.elus.dife.securite.UtilisateurCourant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * The dossier as a conseiller or another system sees it (GET /api/dossiers),
 * built from the engine's runtime and history: nothing is copied, so the view
 * cannot drift from what the engine does.
 */
@Service
public class ConsultationDossier {

  private static final int TAILLE_MAX = 100;
  // page × taille stays far within int: no overflow into a negative offset
  private static final int PAGE_MAX = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Map.Entry<String, String>> DOCUMENTS = List.of(
      Map.entry("piecesCourrier", "Pièces jointes au courrier recommandé"),
      Map.entry("piecesDemandeesCdc", "Pièces demandées par la Caisse des Dépôts"),
      Map.entry("piecesEnvoyees", "Éléments envoyés à la Caisse des Dépôts"),
      Map.entry("piecesIdentiteCdc", "Pièces d'identité envoyées à la Caisse des Dépôts (FranceConnect+)"),
      Map.entry("envoiPiecesIdentiteCdc", "Envoi des pièces d'identité à la Caisse des Dépôts"));
  private static final Map<String, String> PIECES = Map.of(
      "PIECE_IDENTITE", "Pièce d'identité",
      "JUSTIFICATIF_SECURITE_SOCIALE", "Carte Vitale ou attestation de droits",
      "FORMULAIRE", "Formulaire complété et signé",
      "PIECE_IDENTITE_RECTO_VERSO", "Pièce d'identité, recto et verso",
      "CARTE_VITALE_OU_NIR", "Carte Vitale ou numéro de sécurité sociale",
      "CAPTURE_ERREUR", "Capture d'écran de l'erreur",
      "EXPLICATION_PROBLEME", "Explication du problème");

  private final DossierRepository dossiers;
  private final DossiersVisibles visibles;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final UtilisateurCourant utilisateur;
  private final JournalCourriels courriels;
  private final TablesDuMoteur tables;
  private final LectureDossiers lecture;
  private final Clock horloge;
  private final ProcessEngineConfigurationImpl configuration;
  private final Map<String, String> cleParDefinition = new ConcurrentHashMap<>();
  private final Map<String, String> nomParElement = new ConcurrentHashMap<>();

  ConsultationDossier(DossierRepository dossiers, DossiersVisibles visibles, HistoryService historyService,
      ManagementService managementService, RepositoryService repositoryService, UtilisateurCourant utilisateur,
      JournalCourriels courriels, TablesDuMoteur tables, LectureDossiers lecture, Clock horloge,
      ProcessEngineConfigurationImpl configuration) {
    this.dossiers = dossiers;
    this.configuration = configuration;
    this.visibles = visibles;
    this.tables = tables;
    this.lecture = lecture;
    this.horloge = horloge;
    this.courriels = courriels;
    this.historyService = historyService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.utilisateur = utilisateur;
  }

  public record Etape(String processus, String activite, String nom, Date depuis) {
  }

  public record Echeance(String nom, Date date) {
  }

  /** courriel: for the COURRIEL entries only, the email as it left. */
  public record Fait(Date date, String type, String description, String utilisateur,
      @JsonUnwrapped CourrielDuFait courriel) {
    Fait(Date date, String type, String description, String utilisateur) {
      this(date, type, description, utilisateur, null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CourrielDuFait(List<String> destinataires, String sujet, String corps, String messageId) {
  }

  /** communeCollectivite: the name of the commune of codeInseeCollectivite in the Code officiel géographique. */
  public record Elu(String nomNaissance, String nomUsage, String prenoms, String nirMasque, String email,
      String telephoneMobile, String telephoneFixe, String collectivite, String codeInseeCollectivite,
      String communeCollectivite, String mandat) {
  }

  /** A document or piece recorded by a task or an event (what was sent, what the CDC asked for). */
  public record Document(String nom, List<String> pieces) {
  }

  /**
   * motifCloture: why a closed dossier was closed (a closure's or an abandon's reason), else null;
   * demandeCollectivite: how and when the collectivity was asked for its contribution, else null.
   */
  public record VueDossier(String reference, String association, String statutDossier, String statutEnClair,
      Date dateOuverture, Date dateCloture, String motifCloture, Elu elu, String droitsDife, List<Etape> etapes, List<Echeance> echeances,
      List<EvenementAttendu> evenementsAttendus, Object repartition, String demandeCollectivite, FraisThrDuDossier fraisThr,
      List<Document> documents, List<Fait> historique) {
  }

  /** The frais THR as declared, checked and sent, then their follow-up on MCF and by the CDC (null until then). */
  public record FraisThrDuDossier(String total, String detail, String dateEnvoi, String dateDepot,
      String datePaiement, String montantPaye, String ecart) {
  }

  public record ResumeDossier(String reference, String association, String statutDossier, String statutEnClair,
      String nomNaissance, String nomUsage, String prenoms, String collectivite, Date dateOuverture, Date dateCloture,
      Date prochaineEcheance, boolean enRetard, List<EvenementAttendu> evenementsAttendus) {
  }

  public record PageDossiers(int page, int taille, long total, List<ResumeDossier> dossiers) {
  }

  public VueDossier consulter(String reference) {
    DossierEnregistre dossier = visibles.trouver(reference);
    List<TablesDuMoteur.Instance> instances = tables.instances(reference).stream()
        .filter(i -> dossier.association().equals(i.association())).toList();
    Map<String, Object> variables = variablesDuDossier(dossier.processInstanceId(), instances);
    Elu elu = new Elu(texte(variables, "nomNaissance"), texte(variables, "nomUsage"), texte(variables, "prenoms"),
        texte(variables, "nirMasque"), texte(variables, "email"), texte(variables, "telephoneMobile"),
        texte(variables, "telephoneFixe"), texte(variables, "collectiviteNom"),
        texte(variables, "collectiviteCodeInsee"), ReferentielCommunes.officiel()
            .commune(texte(variables, "collectiviteCodeInsee")).map(ReferentielCommunes.Commune::nom).orElse(null),
        texte(variables, "mandat"));
    List<String> enCours = instances.stream().filter(TablesDuMoteur.Instance::enCours)
        .map(TablesDuMoteur.Instance::id).toList();
    String statut = texte(variables, StatutDossier.VARIABLE);
    String racine = dossier.processInstanceId();
    return new VueDossier(reference, dossier.association(), statut, StatutEnClair.de(statut),
        Date.from(dossier.dateOuverture()), dossier.dateCloture() == null ? null : Date.from(dossier.dateCloture()),
        dossier.dateCloture() == null ? null : motifCloture(variables), elu, texte(variables, "droitsDife"),
        etapes(racine), echeances(racine, enCours),
        EvenementAttendu.des(tables.abonnements(enCours)), variables.get("repartition"),
        texte(variables, "demandeCollectivite"), fraisThr(variables),
        documents(variables), historique(reference, racine));
  }

  private static String motifCloture(Map<String, Object> variables) {
    String motif = texte(variables, "motifCloture");
    return motif != null ? motif : texte(variables, "motifAbandon");
  }

  private static FraisThrDuDossier fraisThr(Map<String, Object> variables) {
    if (!(variables.get("fraisThr") instanceof JsonNode frais) || !frais.isObject()) {
      return null;
    }
    return new FraisThrDuDossier(frais.path("total").asText(), texte(variables, "fraisThrDetail"),
        texte(variables, "dateEnvoiFraisThr"), texte(variables, "dateDepotFraisThr"),
        texte(variables, "datePaiementFraisThr"), texte(variables, "montantPayeFraisThr"),
        texte(variables, "ecartFraisThr"));
  }

  private static List<Document> documents(Map<String, Object> variables) {
    List<Document> documents = new ArrayList<>();
    DOCUMENTS.forEach(document -> {
      List<String> pieces = new ArrayList<>();
      Object valeur = variables.get(document.getKey());
      if (valeur instanceof JsonNode liste && liste.isArray()) {
        liste.forEach(piece -> pieces.add(PIECES.getOrDefault(piece.asText(), piece.asText())));
      } else if (valeur != null && !valeur.toString().isBlank()) {
        pieces.add(valeur.toString());
      }
      if (!pieces.isEmpty()) {
        documents.add(new Document(document.getValue(), pieces));
      }
    });
    return documents;
  }

  /**
   * A page of the caller's dossiers from the list columns of dife_dossier (LectureDossiers):
   * one query for the page and one for the total, whatever the number of dossiers.
   */
  public PageDossiers lister(String statut, String recherche, boolean enRetard, boolean attenteEvenement, int page,
      int taille) {
    if (page < 0 || page > PAGE_MAX) {
      throw new RequeteInvalideException("page", "Le paramètre « page » va de 0 à " + PAGE_MAX + ".");
    }
    if (taille < 1 || taille > TAILLE_MAX) {
      throw new RequeteInvalideException("taille", "Le paramètre « taille » doit être compris entre 1 et " + TAILLE_MAX + ".");
    }
    String statutValide = null;
    if (statut != null && !statut.isBlank()) {
      try {
        statutValide = StatutDossier.valueOf(statut).name();
      } catch (IllegalArgumentException e) {
        throw new RequeteInvalideException("statut", "Le paramètre « statut » doit être l'un des statuts du dossier : "
            + Arrays.toString(StatutDossier.values()) + ".");
      }
    }
    if (recherche != null && recherche.strip().length() > 100) {
      throw new RequeteInvalideException("recherche", "Le paramètre « recherche » fait 100 caractères au plus.");
    }
    LectureDossiers.Criteres criteres = new LectureDossiers.Criteres(
        utilisateur.estAdministrateur() ? null : utilisateur.associations(), statutValide,
        recherche == null || recherche.isBlank() ? null : recherche.strip(), enRetard, attenteEvenement);
    long total = lecture.compter(criteres);
    Date maintenant = Date.from(horloge.instant());
    List<ResumeDossier> resumes = lecture.page(criteres, page, taille).stream().map(ligne -> new ResumeDossier(
        ligne.reference(), ligne.association(), ligne.statut(), StatutEnClair.de(ligne.statut()), ligne.nomNaissance(),
        ligne.nomUsage(), ligne.prenoms(), ligne.collectivite(), ligne.dateOuverture(), ligne.dateCloture(),
        ligne.prochaineEcheance(),
        ligne.dateCloture() == null && ligne.prochaineEcheance() != null && ligne.prochaineEcheance().before(maintenant),
        ligne.evenementsAttendus().stream().map(EvenementAttendu::du).toList())).toList();
    return new PageDossiers(page, taille, total, resumes);
  }

  public record Statut(String code, String libelle) {
  }

  public List<Statut> statuts() {
    return Arrays.stream(StatutDossier.values()).map(s -> new Statut(s.name(), StatutEnClair.de(s.name()))).toList();
  }

  /**
   * The dossier's own variables, overlaid with those of its running called processes:
   * these work on copies (the split, the chosen training) that reach dife-parcours
   * only when they end.
   */
  private Map<String, Object> variablesDuDossier(String processInstanceId, List<TablesDuMoteur.Instance> instances) {
    Map<String, Map<String, Object>> parInstance = variablesParInstance(
        instances.stream().map(TablesDuMoteur.Instance::id).toList());
    Map<String, Object> variables = new LinkedHashMap<>(parInstance.getOrDefault(processInstanceId, Map.of()));
    instances.stream().filter(i -> i.enCours() && !i.id().equals(processInstanceId))
        .forEach(i -> variables.putAll(parInstance.getOrDefault(i.id(), Map.of())));
    return variables;
  }

  private Map<String, Map<String, Object>> variablesParInstance(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Object>> parInstance = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      // only the dossier's own variables, not those local to a task or a subprocess
      if (variable.getActivityInstanceId() != null
          && variable.getActivityInstanceId().equals(variable.getProcessInstanceId())) {
        parInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new LinkedHashMap<>())
            .put(variable.getName(), valeur(variable));
      }
    }
    return parInstance;
  }

  // objects (lists, maps) are stored as JSON: shown as JSON, never deserialized as Java classes
  private static Object valeur(HistoricVariableInstance variable) {
    if (variable.getTypedValue() instanceof ObjectValue objet) {
      try {
        return JSON.readTree(objet.getValueSerialized());
      } catch (JsonProcessingException e) {
        return objet.getValueSerialized();
      }
    }
    return variable.getValue();
  }

  /**
   * What runs now, in the dossier and its called processes alike (they share its root
   * instance): one query by the root's index, whatever the number of dossiers and of the
   * dossier's instances. The end time is filtered here: given "END_TIME_ is null", H2
   * takes the index of the end time, that is every unfinished activity of every dossier.
   * The engine allows native queries (and table names) to camunda-admin only: this one
   * runs without its authorization check, the caller having been allowed this dossier
   * (DossiersVisibles).
   */
  private List<Etape> etapes(String racine) {
    List<HistoricActivityInstance> activites = configuration.getCommandExecutorTxRequired().execute(contexte -> {
      contexte.disableAuthorizationCheck();
      return historyService.createNativeHistoricActivityInstanceQuery()
          .sql("select * from " + managementService.getTableName(HistoricActivityInstance.class)
              + " where ROOT_PROC_INST_ID_ = #{racine}")
          .parameter("racine", racine).list();
    });
    return activites.stream()
        .filter(a -> a.getEndTime() == null && !"multiInstanceBody".equals(a.getActivityType()))
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(a -> new Etape(cleProcessus(a.getProcessDefinitionId()), a.getActivityId(), nom(a), a.getStartTime()))
        .toList();
  }

  private List<Echeance> echeances(String racine, List<String> enCours) {
    List<Echeance> echeances = new ArrayList<>();
    for (TablesDuMoteur.Timer timer : tables.timers(racine)) {
      echeances.add(new Echeance(nomElement(timer.processDefinitionId(), timer.activite()), timer.echeance()));
    }
    for (TablesDuMoteur.TacheOuverte tache : tables.tachesOuvertes(enCours)) {
      if (tache.echeance() != null) {
        echeances.add(new Echeance(tache.nom(), tache.echeance()));
      }
    }
    echeances.sort(Comparator.comparing(Echeance::date));
    return echeances;
  }

  private List<Fait> historique(String reference, String racine) {
    List<Fait> faits = new ArrayList<>();
    Map<String, String> auteurs = tables.auteursDesTaches(racine);
    tables.tachesFinies(racine).stream().filter(tache -> !tache.supprimee()).forEach(tache -> faits.add(
        new Fait(tache.fin(), "TACHE", tache.nom(), auteurs.getOrDefault(tache.id(), tache.assignee()))));
    // the status lives on the dossier's own instance only (see PassageStatut)
    tables.valeursSuccessives(racine, StatutDossier.VARIABLE).forEach(passage -> faits.add(
        new Fait(passage.date(), "STATUT", "Statut du dossier : " + passage.texte(), null)));
    dossiers.evenements(reference).forEach(e -> faits.add(new Fait(Date.from(e.dateReception()), "EVENEMENT",
        "Événement " + e.type() + " du " + e.dateEvenement() + " (" + e.idEvenement() + ")", e.utilisateur())));
    courriels.duDossier(reference).forEach(c -> faits.add(new Fait(Date.from(c.dateEnvoi()), "COURRIEL",
        "Courriel « " + c.sujet() + " » envoyé à " + c.destinataire(), null, new CourrielDuFait(
            c.copie() == null ? List.of(c.destinataire()) : List.of(c.destinataire(), c.copie()), c.sujet(),
            c.corps(), c.messageId()))));
    faits.sort(Comparator.comparing(Fait::date));
    return faits;
  }

  // a deployed definition never changes: its key and its elements' names are read once, not
  // per view (each read through the repository service checks the caller's authorizations)
  private String cleProcessus(String processDefinitionId) {
    return cleParDefinition.computeIfAbsent(processDefinitionId,
        id -> repositoryService.getProcessDefinition(id).getKey());
  }

  private String nom(HistoricActivityInstance activite) {
    return activite.getActivityName() != null ? activite.getActivityName() : activite.getActivityId();
  }

  private String nomElement(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return activityId;
    }
    return nomParElement.computeIfAbsent(processDefinitionId + "#" + activityId, cle -> {
      FlowElement element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
      return element != null && element.getName() != null ? element.getName() : activityId;
    });
  }

  private static String texte(Map<String, Object> variables, String nom) {
    Object valeur = variables.get(nom);
    return valeur == null ? null : valeur.toString();
  }
}
