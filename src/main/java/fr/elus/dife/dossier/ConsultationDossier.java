package fr.elus.dife.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.dossier.DossierRepository.DossierEnregistre;
import fr.elus.dife.notification.JournalCourriels;
import fr.elus.dife.parcours.StatutDossier;
import fr.elus.dife.securite.UtilisateurCourant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DossierRepository dossiers;
  private final DossiersVisibles visibles;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final UtilisateurCourant utilisateur;
  private final JournalCourriels courriels;

  public ConsultationDossier(DossierRepository dossiers, DossiersVisibles visibles, HistoryService historyService,
      TaskService taskService, ManagementService managementService, RepositoryService repositoryService,
      UtilisateurCourant utilisateur, JournalCourriels courriels) {
    this.dossiers = dossiers;
    this.visibles = visibles;
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

  public record Fait(Date date, String type, String description, String utilisateur) {
  }

  public record Elu(String nomNaissance, String nomUsage, String prenoms, String nirMasque, String email,
      String collectivite, String codeInseeCollectivite, String mandat) {
  }

  public record VueDossier(String reference, String association, String statutDossier, Date dateOuverture,
      Date dateCloture, Elu elu, String droitsDife, List<Etape> etapes, List<Echeance> echeances,
      Object repartition, List<Fait> historique) {
  }

  public record ResumeDossier(String reference, String association, String statutDossier, String nomNaissance,
      String prenoms, String collectivite, Date dateOuverture, Date dateCloture) {
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
        texte(variables, "nirMasque"), texte(variables, "email"), texte(variables, "collectiviteNom"),
        texte(variables, "collectiviteCodeInsee"), texte(variables, "mandat"));
    return new VueDossier(reference, dossier.association(), texte(variables, StatutDossier.VARIABLE),
        Date.from(dossier.dateOuverture()), dossier.dateCloture() == null ? null : Date.from(dossier.dateCloture()),
        elu, texte(variables, "droitsDife"), etapes(ids), echeances(ids, instances), variables.get("repartition"),
        historique(reference, dossier.processInstanceId(), ids));
  }

  public PageDossiers lister(String statut, int page, int taille) {
    if (page < 0) {
      throw new RequeteInvalideException("page", "Le paramètre « page » commence à 0.");
    }
    if (taille < 1 || taille > TAILLE_MAX) {
      throw new RequeteInvalideException("taille", "Le paramètre « taille » doit être compris entre 1 et " + TAILLE_MAX + ".");
    }
    HistoricProcessInstanceQuery requete = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OuvertureDossier.PROCESSUS_PARCOURS);
    if (!utilisateur.estAdministrateur()) {
      requete.tenantIdIn(utilisateur.associations().toArray(String[]::new));
    }
    if (statut != null && !statut.isBlank()) {
      try {
        requete.variableValueEquals(StatutDossier.VARIABLE, StatutDossier.valueOf(statut).name());
      } catch (IllegalArgumentException e) {
        throw new RequeteInvalideException("statut", "Le paramètre « statut » doit être l'un des statuts du dossier : "
            + Arrays.toString(StatutDossier.values()) + ".");
      }
    }
    long total = requete.count();
    List<HistoricProcessInstance> instances = requete.orderByProcessInstanceStartTime().desc()
        .listPage(page * taille, taille);
    Map<String, Map<String, Object>> variables = variablesParInstance(
        instances.stream().map(HistoricProcessInstance::getId).toList());
    List<ResumeDossier> resumes = instances.stream().map(instance -> {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      return new ResumeDossier(instance.getBusinessKey(), instance.getTenantId(), texte(v, StatutDossier.VARIABLE),
          texte(v, "nomNaissance"), texte(v, "prenoms"), texte(v, "collectiviteNom"), instance.getStartTime(),
          instance.getEndTime());
    }).toList();
    return new PageDossiers(page, taille, total, resumes);
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
        "Courriel « " + c.sujet() + " » envoyé à " + c.destinataire(), null)));
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
