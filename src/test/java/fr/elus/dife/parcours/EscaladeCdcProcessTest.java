package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static fr.elus.dife.parcours.HeureDeParis.maintenant;
import static fr.elus.dife.parcours.HeureDeParis.paris;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of dife-escalade-cdc (R4, R6): email, answer, pieces loop, 14-day reminder. */
@Deployment(resources = "bpmn/dife-escalade-cdc.bpmn")
class EscaladeCdcProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension moteur = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-unit.cfg.xml").assertClassCoverageAtLeast(1.0).build();

  private static final String CLE = Elus.REFERENCE;
  @RegisterExtension
  final BeansDuParcours beans = new BeansDuParcours("2026-11-24T10:00");


  private ProcessInstance escalader(String motif) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-escalade-cdc", CLE,
        Elus.avec("motifEscalade", motif));
    assertThat(instance).variables().containsEntry("statutDossier", "ESCALADE_CDC")
        .containsEntry("dateEscalade", "2026-11-24");
    execute(job());
    execute(job());
    if (motif.equals("ECHEC_FRANCECONNECT")) {
      complete(task(), PIECES_IDENTITE_ENVOYEES);
    }
    assertThat(instance).isWaitingAt("Timer_RelanceCdc");
    return instance;
  }

  private static final Map<String, Object> PIECES_IDENTITE_ENVOYEES = Map.of("piecesIdentiteCdc",
      List.of("PIECE_IDENTITE_RECTO_VERSO", "CARTE_VITALE_OU_NIR", "CAPTURE_ERREUR", "EXPLICATION_PROBLEME"),
      "dateEnvoiPiecesCdc", "2026-11-24", "expediteurPiecesCdc", "ELU");

  @Test
  void echecFranceConnectLEluEnvoieSesPiecesALaCdcEtLeConseillerLeNoteSansImage() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-escalade-cdc", CLE,
        Elus.avec("motifEscalade", "ECHEC_FRANCECONNECT", "descriptionErreur", "Erreur FC+ 403"));
    assertThat(instance).isStarted();
    execute(job());
    execute(job());
    assertThat(beans.courriels).extracting(BeansDuParcours.CourrielPrevu::modele, BeansDuParcours.CourrielPrevu::destinataire)
        .containsExactly(tuple("ESCALADE_ECHEC_FRANCECONNECT", "CDC"),
            tuple("ESCALADE_INFORMATION_ELU_ECHEC_FRANCECONNECT", "ELU"));
    assertThat(instance).variables().containsEntry("adresseCdc", BeansDuParcours.ADRESSE_CDC);

    assertThat(instance).isWaitingAt("Tache_EnregistrerPiecesIdentiteCdc");
    assertThat(task()).hasCandidateGroup("conseillers").hasDueDate(paris("2026-12-01T10:00"));
    assertThat(jobQuery().timers().count()).as("the two weeks start once the pieces are sent").isZero();
    assertThatThrownBy(() -> complete(task(), Map.of("piecesIdentiteCdc", List.of("PIECE_IDENTITE_RECTO_VERSO"),
        "dateEnvoiPiecesCdc", "2026-11-24", "expediteurPiecesCdc", "ELU")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("piecesIdentiteCdc");
    assertThatThrownBy(() -> complete(task(), Map.of("piecesIdentiteCdc", PIECES_IDENTITE_ENVOYEES.get("piecesIdentiteCdc"),
        "dateEnvoiPiecesCdc", "2026-11-25", "expediteurPiecesCdc", "ELU")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dateEnvoiPiecesCdc");
    maintenant("2026-11-26T09:00");
    complete(task(), PIECES_IDENTITE_ENVOYEES);

    assertThat(instance).isWaitingAt("Timer_RelanceCdc").variables()
        .containsEntry("envoiPiecesIdentiteCdc", "le 24/11/2026, par l'élu depuis sa messagerie");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-10T09:00"));
    reponseCdc(true, List.of());
    assertThat(instance).isEnded().hasPassed("Tache_EnregistrerPiecesIdentiteCdc", "Fin_EscaladeResolue");
  }

  private static void reponseCdc(boolean resolu, List<String> pieces) {
    runtimeService().createMessageCorrelation("ReponseCdc").processInstanceBusinessKey(CLE)
        .setVariable("reponseCdcResolue", resolu).setVariable("piecesDemandeesCdc", pieces).correlate();
  }

  @Test
  void laCdcResoutLeProbleme() {
    ProcessInstance instance = escalader("DROITS_ELU_ABSENTS");
    assertThat(beans.courriels).extracting(BeansDuParcours.CourrielPrevu::modele, BeansDuParcours.CourrielPrevu::destinataire)
        .containsExactly(tuple("ESCALADE_DROITS_ELU_ABSENTS", "CDC"),
            tuple("ESCALADE_INFORMATION_ELU_DROITS_ELU_ABSENTS", "ELU"));
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-08T10:00"));   // 14 days

    reponseCdc(true, List.of());

    assertThat(instance).isEnded().hasPassed("Fin_EscaladeResolue");
  }

  @Test
  void laCdcDemandeDesPiecesPuisResout() {
    ProcessInstance instance = escalader("ECHEC_FRANCECONNECT");
    assertThat(beans.modeles()).first().isEqualTo("ESCALADE_ECHEC_FRANCECONNECT");

    reponseCdc(false, List.of("Copie recto verso du passeport"));
    assertThat(instance).isWaitingAt("Tache_RassemblerPieces");
    assertThat(task()).hasCandidateGroup("conseillers");
    assertThatThrownBy(() -> complete(task(), Map.of("piecesEnvoyees", " ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("piecesEnvoyees");
    maintenant("2026-11-30T11:00");
    complete(task(), Map.of("piecesEnvoyees", "Passeport envoyé par l'élu le 30/11."));
    execute(job());

    assertThat(instance).isWaitingAt("Timer_RelanceCdc");
    assertThat(job().getDuedate()).as("the delay starts again").isEqualTo(paris("2026-12-14T11:00"));
    reponseCdc(true, List.of());
    assertThat(instance).isEnded();
    assertThat(beans.modeles()).endsWith("COMPLEMENT_CDC");
  }

  @Test
  void sansReponseApresQuatorzeJoursRelanceEtSuperviseurs() {
    ProcessInstance instance = escalader("DROITS_ELU_ABSENTS");
    maintenant("2026-12-08T10:00");
    execute(job());
    execute(job());

    assertThat(instance).isWaitingAt("Tache_EscaladeEnRetard");
    assertThat(task()).hasCandidateGroup("superviseurs").hasDueDate(paris("2026-12-08T10:00"));
    assertThat(beans.modeles()).endsWith("RELANCE_CDC");
    complete(task(), Map.of("actionSuperviseur", "Appel à la direction régionale."));
    assertThat(instance).isWaitingAt("Timer_RelanceCdc");
    assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(paris("2026-12-22T10:00"));

    reponseCdc(true, List.of());
    assertThat(instance).isEnded();
  }

  @Test
  void uneCdcQuiNeResoutJamaisPeutClore() {
    ProcessInstance instance = escalader("DROITS_ELU_ABSENTS");
    execute(job());
    execute(job());
    assertThatThrownBy(() -> complete(task(), Map.of("actionSuperviseur", "Trois relances", "decisionCloture", "CLORE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("motifCloture");

    complete(task(), Map.of("actionSuperviseur", "Trois relances", "decisionCloture", "CLORE",
        "motifCloture", "La CDC ne répond plus depuis six semaines."));

    assertThat(instance).isEnded().hasPassed("Fin_EscaladeSansReponse").variables()
        .containsEntry("motifCloture", "La CDC ne répond plus depuis six semaines.");
  }

  @Test
  void uneCdcQuiRefuseSansDemanderDePieceLeConseillerLuiRepondOuClot() {
    ProcessInstance repondu = escalader("DROITS_ELU_ABSENTS");
    reponseCdc(false, List.of());
    assertThat(repondu).isWaitingAt("Tache_DeciderApresRefusCdc");
    assertThat(task()).hasCandidateGroup("conseillers").hasDueDate(paris("2026-11-26T10:00"));
    complete(task(), Map.of("reponseCdcConstatee", "Pas de mandat trouvé.", "decisionCloture", "RELANCER"));
    assertThat(repondu).isWaitingAt("Tache_RassemblerPieces");
    complete(task(), Map.of("piecesEnvoyees", "Arrêté d'élection du conseil municipal."));
    execute(job());
    assertThat(repondu).isWaitingAt("Timer_RelanceCdc");
    reponseCdc(false, List.of());
    complete(task(), Map.of("reponseCdcConstatee", "Refus définitif.", "decisionCloture", "CLORE",
        "motifCloture", "La CDC refuse d'ouvrir le compte Élu."));

    assertThat(repondu).isEnded().hasPassed("Fin_RefusCdc");
    assertThat(beans.modeles()).endsWith("COMPLEMENT_CDC");
  }

  @Test
  void uneReponseArrivantPendantLaRepriseParLesSuperviseursAnnuleLeurTache() {
    ProcessInstance instance = escalader("DROITS_ELU_ABSENTS");
    execute(job());
    execute(job());
    assertThat(instance).isWaitingAt("Tache_EscaladeEnRetard");

    reponseCdc(true, List.of());

    assertThat(instance).isEnded();
  }

  @Test
  void unCourrielQuiNePartPasDevientUnIncidentQueLOnRelanceSansDoublon(ProcessEngine engine) {
    AtomicBoolean smtpEnPanne = new AtomicBoolean(true);
    List<String> envoyes = new ArrayList<>();
    Mocks.register("envoyerCourriel", (JavaDelegate) execution -> {
      if (smtpEnPanne.get()) {
        throw new IllegalStateException("SMTP indisponible");
      }
      envoyes.add((String) execution.getVariableLocal("modeleCourriel"));
    });
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-escalade-cdc", CLE,
        Elus.avec("motifEscalade", "DROITS_ELU_ABSENTS"));
    ManagementService management = engine.getManagementService();
    assertThat(instance).isWaitingAt("Envoi_CourrielCdc");
    String envoi = job().getId();

    int echecs = 0;
    while (management.createJobQuery().jobId(envoi).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(envoi)).hasMessageContaining("SMTP indisponible");
      echecs++;
    }

    assertThat(echecs).as("R5/PT10M on the send tasks").isEqualTo(5);
    assertThat(management.createJobQuery().jobId(envoi).singleResult().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
        .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("SMTP indisponible"));
    assertThat(instance).isWaitingAt("Envoi_CourrielCdc");

    smtpEnPanne.set(false);
    management.setJobRetries(envoi, 1);   // what an operator does in Cockpit
    management.executeJob(envoi);

    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).isWaitingAt("Envoi_InformationElu");
    assertThat(envoyes).containsExactly("ESCALADE_DROITS_ELU_ABSENTS");
  }

  @Test
  void unMotifInconnuEstRefuse() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("dife-escalade-cdc", CLE,
        Elus.avec("motifEscalade", "AUTRE"))).isInstanceOf(IllegalArgumentException.class);
  }
}
