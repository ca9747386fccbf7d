package fr.elus.dife.banc;

import fr.elus.dife.securite.Groupes;
import fr.elus.dife.securite.ReferentielAcces;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The floor: Camunda 7.24 alone, on the same kind of database, with a process built
 * by the fluent API that has as many user tasks, message waits, timers and
 * asynchronous jobs as the app's journey, and no delegate, form, listener or
 * variable of the app. What the app costs beyond it is the app's own.
 */
final class MoteurNu implements AutoCloseable {

  static final String PARCOURS = "parcours-nu";
  static final String DRAINAGE = "drainage-nu";
  static final String DOSSIER = "dossier-nu";
  private static final String ASSOCIATION = ParcoursDuBanc.ASSOCIATION;
  private static final String TACHE = "Tache_CreerCompte";

  private final ProcessEngine moteur;
  private final ParcoursDuBanc.Compte compte;
  private final int variablesParDossier;
  private final Base base;
  private final List<String> filtres = new ArrayList<>();

  /**
   * compte: what the app's longest journey does; variablesParDossier: the variables
   * one of its dossiers holds once opened, which the bare dossiers get as many of.
   */
  MoteurNu(Base base, ParcoursDuBanc.Compte compte, int variablesParDossier) {
    this.compte = compte;
    this.variablesParDossier = variablesParDossier;
    this.base = base;
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("moteur-nu")
        .setJdbcUrl(base.url()).setJdbcUsername(base.utilisateur()).setJdbcPassword(base.motDePasse())
        .setJdbcDriver(base.pilote())
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    configuration.setJdbcMaxActiveConnections(base.connexions());
    // the app's ids (the Spring Boot starter's): the standalone default hands out blocks of
    // numbers from one row, which 4 bare clients fought over (40 openings/s on PostgreSQL, 126 with these)
    configuration.setIdGenerator(new StrongUuidGenerator());
    moteur = configuration.buildProcessEngine();
    moteur.getRepositoryService().createDeployment()
        .addModelInstance(PARCOURS + ".bpmn", modeleParcours(compte))
        .addModelInstance(DRAINAGE + ".bpmn", modeleDrainage())
        .deploy();
    // the app's dossiers belong to an association: the engine then adds its tenant check to each query
    moteur.getRepositoryService().createDeployment().tenantId(ASSOCIATION)
        .addModelInstance(DOSSIER + ".bpmn", modeleDossier())
        .deploy();
    FilterService filterService = moteur.getFilterService();
    for (ReferentielAcces.FiltrePartage partage : ReferentielAcces.filtresPartages(moteur.getTaskService())) {
      Filter filtre = filterService.newTaskFilter(partage.nom()).setQuery(partage.requete());
      filtres.add(filterService.saveFilter(filtre).getId());
    }
  }

  /** A dossier as the app's views meet it: opened with its variables, continued by a job, at a team task. */
  private static BpmnModelInstance modeleDossier() {
    return Bpmn.createExecutableProcess(DOSSIER).camundaHistoryTimeToLive(30)
        .startEvent().camundaAsyncAfter()
        .userTask(TACHE).camundaCandidateGroups(Groupes.CONSEILLERS).camundaDueDate("${echeance}")
        .endEvent().done();
  }

  /** User tasks, then message waits, then timers, then async steps: as many of each as the journey. */
  private static BpmnModelInstance modeleParcours(ParcoursDuBanc.Compte compte) {
    AbstractFlowNodeBuilder<?, ?> suite = Bpmn.createExecutableProcess(PARCOURS).camundaHistoryTimeToLive(30)
        .startEvent().camundaAsyncAfter();
    for (int i = 0; i < compte.taches(); i++) {
      suite = suite.userTask("tache" + i);
    }
    for (int i = 0; i < compte.evenements(); i++) {
      suite = suite.receiveTask("attente" + i).message("Message" + i);
    }
    for (int i = 0; i < compte.timers(); i++) {
      suite = suite.intermediateCatchEvent("timer" + i).timerWithDuration("P28D");
    }
    // the start's continuation is one of the journey's jobs already
    for (int i = 0; i < compte.jobs() - 1; i++) {
      suite = suite.serviceTask("async" + i).camundaExpression("${true}").camundaAsyncBefore();
    }
    return suite.endEvent().done();
  }

  private static BpmnModelInstance modeleDrainage() {
    return Bpmn.createExecutableProcess(DRAINAGE).camundaHistoryTimeToLive(30)
        .startEvent().camundaAsyncAfter().endEvent().done();
  }

  /** One journey of the bare process, driven as ParcoursDuBanc drives the app's. */
  void parcours(String cle) {
    RuntimeService runtime = moteur.getRuntimeService();
    TaskService taches = moteur.getTaskService();
    String instance = runtime.startProcessInstanceByKey(PARCOURS, cle).getId();
    executerJobsDus();
    for (int i = 0; i < compte.taches(); i++) {
      Task tache = taches.createTaskQuery().processInstanceId(instance).singleResult();
      taches.complete(tache.getId());
      executerJobsDus();
    }
    for (int i = 0; i < compte.evenements(); i++) {
      runtime.createMessageCorrelation("Message" + i).processInstanceBusinessKey(cle).correlate();
      executerJobsDus();
    }
    ManagementService gestion = moteur.getManagementService();
    for (int i = 0; i < compte.timers(); i++) {
      gestion.executeJob(gestion.createJobQuery().timers().processInstanceId(instance).singleResult().getId());
      executerJobsDus();
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
      throw new IllegalStateException("Le parcours nu " + cle + " n'est pas allé au bout");
    }
  }

  private void executerJobsDus() {
    ManagementService gestion = moteur.getManagementService();
    List<Job> dus;
    while (!(dus = gestion.createJobQuery().executable().listPage(0, 20)).isEmpty()) {
      dus.forEach(job -> gestion.executeJob(job.getId()));
    }
  }

  /** Starts n instances whose only job is their asynchronous start, in batches of one transaction each. */
  void preparerJobs(int n) {
    RuntimeService runtime = moteur.getRuntimeService();
    for (int i = 0; i < n; i++) {
      runtime.startProcessInstanceByKey(DRAINAGE);
    }
  }

  /** One opening: a dossier started with as many variables as the app's; its continuation is the job executor's. */
  void ouvrir() {
    moteur.getRuntimeService().createProcessInstanceByKey(DOSSIER).processDefinitionTenantId(ASSOCIATION)
        .setVariables(variablesDUnDossier()).execute();
  }

  /**
   * Opens bare dossiers, 100 per transaction, until n wait at their task. They start at
   * the task: the queries timed on them do not read jobs, and draining 100,000
   * continuations would take the bare engine half an hour on PostgreSQL.
   */
  void ouvrirJusqua(long n) {
    long manquants = n - moteur.getTaskService().createTaskQuery().processDefinitionKey(DOSSIER).count();
    var transaction = ((ProcessEngineConfigurationImpl) moteur.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    for (long fait = 0; fait < manquants; fait += 100) {
      long lot = Math.min(100, manquants - fait);
      transaction.execute(contexte -> {
        for (int i = 0; i < lot; i++) {
          moteur.getRuntimeService().createProcessInstanceByKey(DOSSIER).processDefinitionTenantId(ASSOCIATION)
              .startBeforeActivity(TACHE).setVariables(variablesDUnDossier()).execute();
        }
        return null;
      });
    }
  }

  private Map<String, Object> variablesDUnDossier() {
    ThreadLocalRandom hasard = ThreadLocalRandom.current();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 1; i < variablesParDossier; i++) {
      variables.put("variable" + i, "valeur " + hasard.nextInt(1_000_000));
    }
    // due dates spread over two months, as the app's tasks' are
    variables.put("echeance", Date.from(Instant.now().plus(hasard.nextInt(60 * 24), ChronoUnit.HOURS)));
    return variables;
  }

  /** What the views ask the engine, as conseiller45 of the association, which the app's REST does by HTTP. */
  int tachesDuGroupe() {
    return ParcoursDuBanc.commeConseiller(moteur.getIdentityService(), () -> moteur.getTaskService()
        .createTaskQuery().taskCandidateGroup(Groupes.CONSEILLERS).orderByDueDate().asc().listPage(0, 15).size());
  }

  int listeDuFiltre() {
    return ParcoursDuBanc.commeConseiller(moteur.getIdentityService(),
        () -> moteur.getFilterService().listPage(filtres.get(0), 0, 15).size());
  }

  /** The shared filters' counts, each as the filter list with itemCount asks it. */
  long comptesDesFiltres() {
    return ParcoursDuBanc.commeConseiller(moteur.getIdentityService(), () -> {
      long total = 0;
      for (String filtre : filtres) {
        total += moteur.getFilterService().count(filtre);
      }
      return total;
    });
  }

  long jobsExecutables() {
    return moteur.getManagementService().createJobQuery().executable().count();
  }

  long octets() {
    return base.octets();
  }

  void demarrerJobExecutor() {
    ((ProcessEngineConfigurationImpl) moteur.getProcessEngineConfiguration()).getJobExecutor().start();
  }

  void arreterJobExecutor() {
    ((ProcessEngineConfigurationImpl) moteur.getProcessEngineConfiguration()).getJobExecutor().shutdown();
  }

  @Override
  public void close() {
    moteur.close();
  }
}
