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
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
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
      Map.entry("piecesEnvoyees", "Éléments envoyés à la Caisse des Dépôts"));
  private static final Map<String, String> PIECES = Map.of(
      "PIECE_IDENTITE", "Pièce d'identité",
      "JUSTIFICATIF_SECURITE_SOCIALE", "Carte Vitale ou attestation de droits",
      "FORMULAIRE", "Formulaire complété et signé");

  private final DossierRepository dossiers;
  private final DossiersVisibles visibles;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final UtilisateurCourant utilisateur;
  private final JournalCourriels courriels;
  private final RuntimeService runtimeService;
  private final LectureDossiers lecture;
  private final Clock horloge;

  public ConsultationDossier(DossierRepository dossiers, DossiersVisibles visibles, HistoryService historyService,
      TaskService taskService, ManagementService managementService, RepositoryService repositoryService,
      UtilisateurCourant utilisateur, JournalCourriels courriels, RuntimeService runtimeService,
      LectureDossiers lecture, Clock horloge) {
    this.dossiers = dossiers;
    this.visibles = visibles;
    this.runtimeService = runtimeService;
    this.lecture = lecture;
    this.horloge = horloge;
    this.courriels = courriels;
    this.historyService = historyService;
    this.taskService = taskService;
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

  public record VueDossier(String reference, String association, String statutDossier, String statutEnClair,
      Date dateOuverture, Date dateCloture, Elu elu, String droitsDife, List<Etape> etapes, List<Echeance> echeances,
      List<EvenementAttendu> evenementsAttendus, Object repartition, FraisThrDuDossier fraisThr,
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
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).tenantIdIn(dossier.association())
        .orderByProcessInstanceStartTime().asc().list();
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    Map<String, Object> variables = variablesDuDossier(dossier.processInstanceId(), instances);
    Elu elu = new Elu(texte(variables, "nomNaissance"), texte(variables, "nomUsage"), texte(variables, "prenoms"),
        texte(variables, "nirMasque"), texte(variables, "email"), texte(variables, "telephoneMobile"),
        texte(variables, "telephoneFixe"), texte(variables, "collectiviteNom"),
        texte(variables, "collectiviteCodeInsee"), ReferentielCommunes.officiel()
            .commune(texte(variables, "collectiviteCodeInsee")).map(ReferentielCommunes.Commune::nom).orElse(null),
        texte(variables, "mandat"));
    List<String> enCours = instances.stream().filter(i -> i.getEndTime() == null).map(HistoricProcessInstance::getId)
        .toList();
    String statut = texte(variables, StatutDossier.VARIABLE);
    return new VueDossier(reference, dossier.association(), statut, StatutEnClair.de(statut),
        Date.from(dossier.dateOuverture()), dossier.dateCloture() == null ? null : Date.from(dossier.dateCloture()),
        elu, texte(variables, "droitsDife"), etapes(ids), echeances(ids, instances),
        EvenementAttendu.des(runtimeService, enCours), variables.get("repartition"), fraisThr(variables),
        documents(variables),
        historique(reference, dossier.processInstanceId(), ids));
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
  private Map<String, Object> variablesDuDossier(String processInstanceId, List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> parInstance = variablesParInstance(
        instances.stream().map(HistoricProcessInstance::getId).toList());
    Map<String, Object> variables = new LinkedHashMap<>(parInstance.getOrDefault(processInstanceId, Map.of()));
    instances.stream().filter(i -> i.getEndTime() == null && !i.getId().equals(processInstanceId))
        .forEach(i -> variables.putAll(parInstance.getOrDefault(i.getId(), Map.of())));
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

  private List<Etape> etapes(List<String> ids) {
    return ids.stream()
        .flatMap(id -> historyService.createHistoricActivityInstanceQuery().processInstanceId(id).unfinished()
            .list().stream())
        .filter(a -> !"multiInstanceBody".equals(a.getActivityType()))
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(a -> new Etape(cleProcessus(a.getProcessDefinitionId()), a.getActivityId(), nom(a), a.getStartTime()))
        .toList();
  }

  private List<Echeance> echeances(List<String> ids, List<HistoricProcessInstance> instances) {
    List<Echeance> echeances = new ArrayList<>();
    Map<String, String> definitionParInstance = instances.stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getProcessDefinitionId));
    for (String id : ids) {
      for (Job job : managementService.createJobQuery().processInstanceId(id).timers().list()) {
        JobDefinition definition = managementService.createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult();
        String activite = definition == null ? null : definition.getActivityId();
        echeances.add(new Echeance(nomElement(definitionParInstance.get(id), activite), job.getDuedate()));
      }
      for (Task tache : taskService.createTaskQuery().processInstanceId(id).list()) {
        if (tache.getDueDate() != null) {
          echeances.add(new Echeance(tache.getName(), tache.getDueDate()));
        }
      }
    }
    echeances.sort(Comparator.comparing(Echeance::date));
    return echeances;
  }

  private List<Fait> historique(String reference, String instanceDuDossier, List<String> ids) {
    List<Fait> faits = new ArrayList<>();
    for (String id : ids) {
      Map<String, String> auteurs = historyService.createUserOperationLogQuery().processInstanceId(id)
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
          .filter(e -> e.getTaskId() != null && e.getUserId() != null)
          .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId, (a, b) -> a));
      for (HistoricTaskInstance tache : historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
          .finished().list()) {
        if (tache.getEndTime() != null && !"deleted".equals(tache.getDeleteReason())) {
          faits.add(new Fait(tache.getEndTime(), "TACHE", tache.getName(),
              auteurs.getOrDefault(tache.getId(), tache.getAssignee())));
        }
      }
    }
    // the status lives on the dossier's own instance only (see PassageStatut)
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(instanceDuDossier)
        .variableUpdates().orderByTime().asc().list()) {
      HistoricVariableUpdate maj = (HistoricVariableUpdate) detail;
      if (StatutDossier.VARIABLE.equals(maj.getVariableName())) {
        faits.add(new Fait(maj.getTime(), "STATUT", "Statut du dossier : " + maj.getValue(), null));
      }
    }
    dossiers.evenements(reference).forEach(e -> faits.add(new Fait(Date.from(e.dateReception()), "EVENEMENT",
        "Événement " + e.type() + " du " + e.dateEvenement() + " (" + e.idEvenement() + ")", e.utilisateur())));
    courriels.duDossier(reference).forEach(c -> faits.add(new Fait(Date.from(c.dateEnvoi()), "COURRIEL",
        "Courriel « " + c.sujet() + " » envoyé à " + c.destinataire(), null, new CourrielDuFait(
            c.copie() == null ? List.of(c.destinataire()) : List.of(c.destinataire(), c.copie()), c.sujet(),
            c.corps(), c.messageId()))));
    faits.sort(Comparator.comparing(Fait::date));
    return faits;
  }

  private String cleProcessus(String processDefinitionId) {
    return repositoryService.getProcessDefinition(processDefinitionId).getKey();
  }

  private String nom(HistoricActivityInstance activite) {
    return activite.getActivityName() != null ? activite.getActivityName() : activite.getActivityId();
  }

  private String nomElement(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return activityId;
    }
    FlowElement element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
    return element != null && element.getName() != null ? element.getName() : activityId;
  }

  private static String texte(Map<String, Object> variables, String nom) {
    Object valeur = variables.get(nom);
    return valeur == null ? null : valeur.toString();
  }
}
