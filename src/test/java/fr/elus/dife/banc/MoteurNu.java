package fr.elus.dife.banc;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

  private final ProcessEngine moteur;
  private final ParcoursDuBanc.Compte compte;
  private final Base base;

  MoteurNu(Base base, ParcoursDuBanc.Compte compte) {
    this.compte = compte;
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
    moteur = configuration.buildProcessEngine();
    moteur.getRepositoryService().createDeployment()
        .addModelInstance(PARCOURS + ".bpmn", modeleParcours(compte))
        .addModelInstance(DRAINAGE + ".bpmn", modeleDrainage())
        .deploy();
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
