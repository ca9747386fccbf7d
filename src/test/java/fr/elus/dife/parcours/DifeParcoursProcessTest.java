package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the dife-parcours model, with BPMN Assert and path coverage. */
@Deployment(resources = {"bpmn/dife-parcours.bpmn", "forms/creer-compte-formation.form"})
class DifeParcoursProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension moteur = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-unit.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String REFERENCE = "DIFE-2026-000042";
  private static final Clock LE_24_NOVEMBRE = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Paris"));

  private final List<String> dossiersClos = new ArrayList<>();

  @BeforeEach
  void beans(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    Mocks.register("statut", new PassageStatut());
    Mocks.register("enregistrerCreationCompte", new EnregistrerCreationCompteListener(LE_24_NOVEMBRE));
    Mocks.register("clotureDossier", (ExecutionListener) execution -> dossiersClos.add(execution.getProcessBusinessKey()));
  }

  @AfterEach
  void oublierBeans() {
    Mocks.reset();
  }

  private ProcessInstance ouvrir(boolean compteFormation) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("statutDossier", "OUVERT");
    variables.put("reference", REFERENCE);
    variables.put("prenoms", "Claire");
    variables.put("nomNaissance", "MARTIN");
    variables.put("collectiviteNom", "Saint-Jean-de-Braye");
    variables.put("compteFormation", compteFormation);
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-parcours", REFERENCE, variables);
    assertThat(instance).isWaitingAt("Debut_DossierOuvert");
    assertThat(instance).variables().containsEntry("statutDossier", "OUVERT");
    execute(job());
    return instance;
  }

  @Test
  void hypothese1LeCompteExisteDejaEtLeDossierPasseSansTache() {
    ProcessInstance instance = ouvrir(true);

    assertThat(instance).hasPassedInOrder("Debut_DossierOuvert", "Gw_CompteFormationExistant",
        "Gw_CompteFormationPret", "Fin_CompteFormationPret").hasNotPassed("Tache_CreerCompteFormation");
    assertThat(instance).isEnded().variables().containsEntry("statutDossier", "COMPTE_FORMATION");
    assertThat(dossiersClos).containsExactly(REFERENCE);
  }

  @Test
  void hypothese2LesConseillersAccompagnentLaCreationDuCompte() {
    ProcessInstance instance = ouvrir(false);

    assertThat(instance).isWaitingAt("Tache_CreerCompteFormation")
        .variables().containsEntry("statutDossier", "COMPTE_FORMATION");
    assertThat(task()).hasCandidateGroup("conseillers").isNotAssigned()
        .hasDescription("Claire MARTIN (Saint-Jean-de-Braye), dossier DIFE-2026-000042 : "
            + "l'élu n'a pas encore de compte Mon Compte Formation.");
    assertThat(dossiersClos).isEmpty();

    complete(task(), Map.of("modeCreationCompte", "QUATRE_ETAPES", "dateCreationCompte", "2026-11-23"));

    assertThat(instance).hasPassed("Tache_CreerCompteFormation").isEnded()
        .variables().containsEntry("compteFormation", true);
    assertThat(dossiersClos).containsExactly(REFERENCE);
  }

  @Test
  void laCreationDuCompteRefuseUneSaisieInvalideEtLaTacheReste() {
    ProcessInstance instance = ouvrir(false);

    // the engine wraps the listener's NotValidException; Tasklist shows its French message
    assertThatThrownBy(() -> complete(task(), Map.of("modeCreationCompte", "PAR_TELEPHONE", "dateCreationCompte", "2026-11-23")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("modeCreationCompte");
    assertThatThrownBy(() -> complete(task(), Map.of("modeCreationCompte", "FRANCECONNECT", "dateCreationCompte", "2026-11-25")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dateCreationCompte").hasMessageContaining("futur");
    assertThatThrownBy(() -> complete(task(), Map.of("modeCreationCompte", "FRANCECONNECT", "dateCreationCompte", "24/11/2026")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("AAAA-MM-JJ");
    assertThatThrownBy(() -> complete(task(), Map.of("modeCreationCompte", "FRANCECONNECT")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("obligatoire");

    assertThat(instance).isWaitingAt("Tache_CreerCompteFormation").variables().containsEntry("compteFormation", false);
  }

  @Test
  void unStatutHorsContratEstRefuse() {
    assertThatThrownBy(() -> new PassageStatut().passer(null, "EN_ATTENTE"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StatutDossier.values()).hasSize(14);
  }
}
