package fr.elus.dife.banc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.PlusLongParcours;
import fr.elus.dife.dossier.EvenementsDossier;
import fr.elus.dife.dossier.OuvertureDossier;
import fr.elus.dife.dossier.ValidateurDemandeOuverture;
import fr.elus.dife.securite.Groupes;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The longest journey of PlusLongParcoursApiTest, driven through the application's
 * own services in one thread, with the job executor stopped: the driver runs each
 * due job itself, so that the CPU measured is the journey's and nothing else's.
 * It counts what it does, so that the bare control can do as much.
 */
final class ParcoursDuBanc implements PlusLongParcours.Conduite {

  /** What one journey did: the engine transactions it took, by kind. */
  record Compte(int ouvertures, int taches, int evenements, int timers, int jobs) {
    int transactions() {
      return ouvertures + taches + evenements + timers + jobs;
    }
  }

  /**
   * What one finished journey left in history, all its process instances together: the
   * variable rows written are most of a journey's database work, which a bare control
   * without them does not do.
   */
  record Lignes(int instances, long variables, long variablesDesAppeles, long ecritures) {
    static Lignes de(HistoryService historique, String racine) {
      String[] instances = historique.createHistoricProcessInstanceQuery().rootProcessInstanceId(racine).list()
          .stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
      String[] appeles = Arrays.stream(instances).filter(id -> !id.equals(racine)).toArray(String[]::new);
      return new Lignes(instances.length,
          historique.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).count(),
          appeles.length == 0 ? 0 : historique.createHistoricVariableInstanceQuery().processInstanceIdIn(appeles).count(),
          historique.createHistoricDetailQuery().processInstanceIdIn(instances).variableUpdates().count());
    }

    @Override
    public String toString() {
      return instances + " ; " + variables + " ; " + ecritures;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Who the bench acts as, on both engines: a conseiller of one association. */
  static final String CONSEILLER = "conseiller45";
  static final String ASSOCIATION = "aml45";

  private final ValidateurDemandeOuverture validateur;
  private final OuvertureDossier ouverture;
  private final EvenementsDossier evenements;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  private String reference;
  private int taches;
  private int evenementsAppliques;
  private int timers;
  private int jobs;

  ParcoursDuBanc(ConfigurableApplicationContext contexte) {
    this.validateur = contexte.getBean(ValidateurDemandeOuverture.class);
    this.ouverture = contexte.getBean(OuvertureDossier.class);
    this.evenements = contexte.getBean(EvenementsDossier.class);
    this.taskService = contexte.getBean(TaskService.class);
    this.runtimeService = contexte.getBean(RuntimeService.class);
    this.managementService = contexte.getBean(ManagementService.class);
    this.historyService = contexte.getBean(HistoryService.class);
    this.identityService = contexte.getBean(IdentityService.class);
  }

  /** Opens the journey's dossier and runs its asynchronous continuation. */
  @Override
  public String ouvrir(ObjectNode demande) {
    reference = ouvrirSeulement(demande);
    executerJobsDus();
    return reference;
  }

  /** Opens one dossier as conseiller45, leaving its jobs to the job executor; returns the reference. */
  String ouvrirSeulement(ObjectNode demande) {
    return commeConseiller(identityService, () -> ouverture.ouvrir(validateur.valider(demande).demande()).reference());
  }

  /** The dossier's process instances: the reference is the business key of all of them. */
  private Set<String> instancesDuDossier() {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  /** The variables one dossier holds once opened and continued, all its process instances together. */
  int variablesALOuverture(ObjectNode demande) {
    ouvrir(demande);
    return (int) runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(instancesDuDossier().toArray(String[]::new)).count();
  }

  Compte parcoursComplet() {
    taches = 0;
    evenementsAppliques = 0;
    timers = 0;
    jobs = 0;
    PlusLongParcours.parcourir(this, PlusLongParcours.demande());

    Object statut = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
            .processDefinitionKey(OuvertureDossier.PROCESSUS_PARCOURS).singleResult().getId())
        .variableName("statutDossier").singleResult().getValue();
    if (!"CLOS_FORMATION_SUIVIE".equals(statut) || !runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list().isEmpty()) {
      throw new IllegalStateException("Le parcours " + reference + " s'est arrêté au statut " + statut);
    }
    return new Compte(1, taches, evenementsAppliques, timers, jobs);
  }

  /** The rows the last journey left (not within the measure: these are queries of their own). */
  Lignes lignesDuDernier() {
    return Lignes.de(historyService, historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey(OuvertureDossier.PROCESSUS_PARCOURS).singleResult()
        .getRootProcessInstanceId());
  }

  /** The work done as CONSEILLER of ASSOCIATION on the engine of that IdentityService, then no one. */
  static <T> T commeConseiller(IdentityService identite, Supplier<T> travail) {
    identite.setAuthentication(CONSEILLER, List.of(Groupes.CONSEILLERS), List.of(ASSOCIATION));
    try {
      return travail.get();
    } finally {
      identite.clearAuthentication();
    }
  }

  @Override
  public void terminer(String definition, Object... clesValeurs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      variables.put((String) clesValeurs[i], clesValeurs[i + 1]);
    }
    Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult();
    if (tache == null) {
      throw new IllegalStateException("Pas de tâche " + definition + " pour " + reference);
    }
    commeConseiller(identityService, () -> {
      taskService.complete(tache.getId(), variables);
      return null;
    });
    taches++;
    executerJobsDus();
  }

  @Override
  public void evenement(String type, Map<String, Object> donnees) {
    JsonNode corps = JSON.valueToTree(Map.of("idEvenement", type + "-" + reference + "-" + (evenementsAppliques + 1),
        "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees));
    commeConseiller(identityService, () -> evenements.appliquer(reference, corps));
    evenementsAppliques++;
    executerJobsDus();
  }

  @Override
  public void declencherTimer(String activite) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .list()) {
      Job timer = managementService.createJobQuery().timers().activityId(activite)
          .processInstanceId(instance.getId()).singleResult();
      if (timer != null) {
        managementService.executeJob(timer.getId());
        timers++;
        executerJobsDus();
        return;
      }
    }
    throw new IllegalStateException("Pas de timer " + activite + " pour " + reference);
  }

  /**
   * What the job executor would do next for this dossier: every job of its instances due
   * now, emails included; not those of the dossiers a kept base (--base) still has due.
   */
  private void executerJobsDus() {
    List<Job> dus;
    Set<String> instances;
    while (!(instances = instancesDuDossier()).isEmpty() && !(dus = managementService.createJobQuery()
        .processInstanceIds(instances).executable().listPage(0, 20)).isEmpty()) {
      for (Job job : dus) {
        managementService.executeJob(job.getId());
        jobs++;
      }
    }
  }
}
