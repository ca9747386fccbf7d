package fr.elus.dife.banc;

import fr.elus.dife.dossier.HistoriqueDuMoteur;
import fr.elus.dife.parcours.StatutDossier;
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
 * variable of the app; a second one writes as many variable rows too. Both record the
 * app's history level. What the app costs beyond them is the app's own.
 */
final class MoteurNu implements AutoCloseable {

  static final String PARCOURS = "parcours-nu";
  static final String PARCOURS_VARIABLES = "parcours-nu-variables";
  private static final String APPELE = "appele-nu";
  static final String DRAINAGE = "drainage-nu";
  static final String DOSSIER = "dossier-nu";
  private static final String ASSOCIATION = ParcoursDuBanc.ASSOCIATION;
  private static final String TACHE = "Tache_CreerCompte";

  private final ProcessEngine moteur;
  private final ParcoursDuBanc.Compte compte;
  private final int variablesParDossier;
  private final Ecritures ecritures;
  private final Base base;
  private final List<String> filtres = new ArrayList<>();

  /**
   * compte and lignes: what the app's longest journey does and writes; variablesParDossier:
   * the variables one of its dossiers holds once opened, which the bare dossiers get as
   * many of.
   */
  MoteurNu(Base base, ParcoursDuBanc.Compte compte, ParcoursDuBanc.Lignes lignes, int variablesParDossier) {
    this.compte = compte;
    this.variablesParDossier = variablesParDossier;
    this.ecritures = Ecritures.de(compte, lignes, variablesParDossier);
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
    // the history the app records: full, without the variables' past values (but the
    // status's) nor the exclusive gateways' passages; the same rows for the same work
    configuration.getProcessEnginePlugins().add(new HistoriqueDuMoteur());
    moteur = configuration.buildProcessEngine();
    moteur.getRepositoryService().createDeployment()
        .addModelInstance(PARCOURS + ".bpmn", modeleParcours(PARCOURS, compte, null))
        .addModelInstance(PARCOURS_VARIABLES + ".bpmn", modeleParcours(PARCOURS_VARIABLES, compte, ecritures))
        .addModelInstance(APPELE + ".bpmn", Bpmn.createExecutableProcess(APPELE).camundaHistoryTimeToLive(30)
            .startEvent().endEvent().done())
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

  /**
   * User tasks, then message waits, then timers, then async steps: as many of each as the
   * journey. With ecritures, the journey's called processes too, each given by its caller
   * as many variables as the app's called processes hold.
   */
  private static BpmnModelInstance modeleParcours(String cle, ParcoursDuBanc.Compte compte, Ecritures ecritures) {
    AbstractFlowNodeBuilder<?, ?> suite = Bpmn.createExecutableProcess(cle).camundaHistoryTimeToLive(30)
        .startEvent().camundaAsyncAfter();
    if (ecritures != null) {
      for (int i = 0; i < ecritures.appels(); i++) {
        var appel = suite.callActivity("appel" + i).calledElement(APPELE);
        for (int j = 0; j < ecritures.variablesParAppel(); j++) {
          appel = appel.camundaIn(Ecritures.variable(j % ecritures.auDepart()), "copie" + j);
        }
        suite = appel;
      }
    }
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
    parcours(PARCOURS, cle, null);
  }

  /** The same journey writing as many variable rows as the app's; returns its instance. */
  String parcoursAvecVariables(String cle) {
    return parcours(PARCOURS_VARIABLES, cle, ecritures);
  }

  ParcoursDuBanc.Lignes lignes(String instance) {
    return ParcoursDuBanc.Lignes.de(moteur.getHistoryService(), instance);
  }

  private String parcours(String definition, String cle, Ecritures ecritures) {
    RuntimeService runtime = moteur.getRuntimeService();
    TaskService taches = moteur.getTaskService();
    String instance = runtime.startProcessInstanceByKey(definition, cle,
        ecritures == null ? Map.of() : ecritures.auDepart(cle)).getId();
    executerJobsDus();
    for (int i = 0; i < compte.taches(); i++) {
      Task tache = taches.createTaskQuery().processInstanceId(instance).singleResult();
      taches.complete(tache.getId(), ecritures == null ? Map.of() : ecritures.aLaTache(i, cle));
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
    return instance;
  }

  /**
   * The app journey's variable rows spread over the bare one: as many variables at the
   * start as an opened dossier holds, as many copied into each called process as the
   * app's called processes hold, the root's remaining variables created at the tasks,
   * and the status written as many times as the app's history records it (the one
   * variable whose writes it keeps, HistoriqueDuMoteur).
   */
  record Ecritures(int appels, int variablesParAppel, int auDepart, int nouvelles, long statuts, int taches) {
    static Ecritures de(ParcoursDuBanc.Compte compte, ParcoursDuBanc.Lignes lignes, int variablesALOuverture) {
      int appels = lignes.instances() - 1;
      long racine = lignes.variables() - lignes.variablesDesAppeles();
      int auDepart = (int) Math.max(1, Math.min(variablesALOuverture, racine));
      return new Ecritures(appels, appels <= 0 ? 0 : (int) Math.round(lignes.variablesDesAppeles() / (double) appels),
          auDepart, (int) Math.max(0, racine - auDepart), lignes.ecritures(), Math.max(1, compte.taches()));
    }

    /** The start's variables, the status first: it is one of an opened dossier's. */
    static String variable(int i) {
      return i == 0 ? StatutDossier.VARIABLE : "variable" + i;
    }

    Map<String, Object> auDepart(String cle) {
      Map<String, Object> variables = new HashMap<>();
      for (int i = 0; i < auDepart; i++) {
        variables.put(variable(i), "valeur " + i + " de " + cle);
      }
      return variables;
    }

    /** Task i's share of the new variables, and the status if the app wrote it that often. */
    Map<String, Object> aLaTache(int i, String cle) {
      Map<String, Object> variables = new HashMap<>();
      long parTache = nouvelles / taches + (i < nouvelles % taches ? 1 : 0);
      for (int j = 0; j < parTache; j++) {
        variables.put("nouvelle" + i + "_" + j, "valeur " + j + " de " + cle);
      }
      if (i + 1 < statuts) {
        variables.put(StatutDossier.VARIABLE, "ETAPE_" + i);
      }
      return variables;
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
