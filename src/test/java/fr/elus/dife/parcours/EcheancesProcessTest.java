package fr.elus.dife.parcours;

import fr.elus.dife.regles.CalendrierOuvre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calendar used from a BPMN timer expression, as the journey's models use it (the unit engine records coverage). */
class EcheancesProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension moteur = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-unit.cfg.xml").build();

  private static final ZoneId PARIS = CalendrierOuvre.FUSEAU;
  private ProcessEngine engine;

  @BeforeEach
  void deployer(ProcessEngine engine) {
    this.engine = engine;
    BpmnAwareTests.init(engine);
    Mocks.register("echeances", new Echeances(PARIS));
    BpmnModelInstance modele = Bpmn.createExecutableProcess("essai-echeances").camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Timer_Ar24").timerWithDate("${echeances.ar24(demande)}")
        .intermediateCatchEvent("Timer_SupportLaPoste").timerWithDate("${echeances.ouvertureSupportLaPoste(demande)}")
        .intermediateCatchEvent("Timer_DeuxJoursOuvres").timerWithDate("${echeances.joursOuvresApres(demande, 2, '57')}")
        .endEvent().done();
    moteur.manageDeployment(engine.getRepositoryService().createDeployment()
        .addModelInstance("essai-echeances.bpmn", modele).deploy());
  }

  @AfterEach
  void oublier() {
    Mocks.reset();
  }

  private static Date paris(String moment) {
    return Date.from(LocalDateTime.parse(moment).atZone(PARIS).toInstant());
  }

  @Test
  void lesTimersTombentALaDateDuCalendrier() {
    // Thursday before Easter 2026, 20:00: AR24 due Friday 20:00 (Good Friday is no weekend)
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("essai-echeances", Map.of("demande", paris("2026-04-02T20:00")));

    assertThat(instance).isWaitingAt("Timer_Ar24");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-04-03T20:00"));
    execute(job());

    // La Poste is closed at 20:00 on Thursday: it opens Friday 8:30
    assertThat(instance).isWaitingAt("Timer_SupportLaPoste");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-04-03T08:30"));
    execute(job());

    // in Moselle, Good Friday and Easter Monday are holidays: Tuesday, then Wednesday
    assertThat(instance).isWaitingAt("Timer_DeuxJoursOuvres");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-04-08T20:00"));
    execute(job());

    assertThat(instance).isEnded();
  }
}
