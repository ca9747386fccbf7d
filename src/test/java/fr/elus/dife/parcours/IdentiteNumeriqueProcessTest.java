package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static fr.elus.dife.parcours.HeureDeParis.maintenant;
import static fr.elus.dife.parcours.HeureDeParis.paris;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of dife-identite-numerique (R3), timers by their due dates, 100 % coverage. */
@Deployment(resources = {"bpmn/dife-identite-numerique.bpmn", "bpmn/choix-canal-identite.dmn"})
class IdentiteNumeriqueProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension moteur = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-unit.cfg.xml").assertClassCoverageAtLeast(1.0).build();

  private static final String CLE = Elus.REFERENCE;
  @RegisterExtension
  final BeansDuParcours beans = new BeansDuParcours("2026-11-24T10:00");



  private ProcessInstance demarrer(Map<String, Object> variables) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-identite-numerique", CLE, variables);
    assertThat(instance).isStarted();
    return instance;
  }

  private void terminerParActivation(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Envoi_ActivationApplication");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_ActiverApplication");
    complete(task(), Map.of("applicationActivee", true, "dateActivation", "2026-11-24"));
    assertThat(instance).isEnded().hasPassed("Fin_IdentiteCreee").variables().containsEntry("identiteNumerique", true);
  }

  /** The registered letter verified the identity for MCF: no smartphone, so no app to activate (R3). */
  private void identiteVerifieeParCourrier(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Envoi_IdentiteVerifieeCourrier");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Fin_IdentiteVerifieeParCourrier")
        .hasNotPassed("Envoi_VerificationFaceAFace", "Envoi_ActivationApplication", "Tache_ActiverApplication");
    assertThat(instance).variables().containsEntry("identiteVerifieeParCourrier", true)
        .containsEntry("identiteNumerique", false);
  }

  private void verificationFaceAFace(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Envoi_VerificationFaceAFace");
    execute(job());
    assertThat(instance).isWaitingAt("Timer_SuiviFaceAFace");
    runtimeService().correlateMessage("VerificationFaceAFaceFaite", CLE);
  }

  @Test
  void uneIdentiteDejaPresenteOuFranceIdentiteNeDemandeRien() {
    ProcessInstance deja = demarrer(Elus.avec("identiteNumerique", true));
    assertThat(deja).isEnded().hasPassed("Fin_IdentiteDejaPresente");
    ProcessInstance franceIdentite = demarrer(Elus.avec("franceIdentite", true));
    assertThat(franceIdentite).isEnded().hasPassed("Fin_IdentiteDejaPresente");
    assertThat(franceIdentite).variables().containsEntry("statutDossier", "IDENTITE_NUMERIQUE");
    assertThat(beans.courriels).isEmpty();
  }

  @Test
  void enLigneAvecAr24ValideeDansLeDelai() {
    ProcessInstance instance = demarrer(Elus.claire());
    assertThat(instance).variables().containsEntry("canalIdentite", "EN_LIGNE").containsEntry("modeVerification", "AR24");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_AccompagnerEnLigne");
    assertThat(task()).hasCandidateGroup("conseillers");
    maintenant("2026-11-27T15:00");   // a Friday afternoon
    complete(task(), Map.of("compteLaPoste", "CREE", "informationsIdentiteSaisies", true, "modeVerification", "AR24"));
    execute(job());

    assertThat(instance).isWaitingAt("Timer_DelaiAr24");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-11-30T15:00"));   // Monday, weekend not counted
    runtimeService().correlateMessage("Ar24Valide", CLE);

    terminerParActivation(instance);
    assertThat(beans.modeles()).containsExactly("IDENTITE_EN_LIGNE", "VERIFICATION_AR24", "ACTIVATION_APPLICATION");
  }

  @Test
  void ar24EnRetardLeConseillerAppelleLaPosteALOuvertureEtAttendDeNouveau() {
    ProcessInstance instance = demarrer(Elus.claire());
    execute(job());
    maintenant("2026-11-28T10:00");   // a Saturday morning
    complete(task(), Map.of("compteLaPoste", "EXISTANT", "modeVerification", "AR24"));
    execute(job());
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-01T00:00"));   // 24 h from Monday 0:00

    maintenant("2026-12-01T00:00");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_AppelerSupportLaPoste");
    assertThat(task().getDueDate()).isEqualTo(paris("2026-12-01T08:30"));   // the support line opens at 8:30
    assertThat(task().getDescription()).contains("09 70 81 00 50");

    maintenant("2026-12-01T09:00");
    complete(task(), Map.of("issueAppelLaPoste", "ATTENDRE_AR24", "compteRenduAppel", "AR24 renvoyée"));
    assertThat(instance).isWaitingAt("Timer_DelaiAr24");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-02T09:00"));
    runtimeService().correlateMessage("Ar24Valide", CLE);

    terminerParActivation(instance);
  }

  @Test
  void apresLAppelOnPasseAuFaceAFace() {
    ProcessInstance instance = demarrer(Elus.claire());
    execute(job());
    complete(task(), Map.of("compteLaPoste", "EXISTANT", "modeVerification", "AR24"));
    execute(job());
    execute(job());
    complete(task(), Map.of("issueAppelLaPoste", "FACE_A_FACE", "compteRenduAppel", "pas de caméra en état"));

    assertThat(instance).hasPassed("Fin_BasculeFaceAFace", "Erreur_BasculeVersFaceAFace");
    verificationFaceAFace(instance);
    terminerParActivation(instance);
    assertThat(beans.modeles()).contains("VERIFICATION_FACE_A_FACE");
  }

  @Test
  void enLigneSansCameraLaVerificationSeFaitEnFaceAFace() {
    ProcessInstance instance = demarrer(Elus.avec("cameraEtMicro", false));
    assertThat(instance).variables().containsEntry("modeVerification", "FACE_A_FACE");
    execute(job());
    complete(task(), Map.of("compteLaPoste", "EXISTANT", "modeVerification", "FACE_A_FACE"));

    assertThat(instance).hasPassed("Gw_ModeVerification").hasNotPassed("Envoi_VerificationAr24");
    verificationFaceAFace(instance);
    terminerParActivation(instance);
  }

  @Test
  void enBureauDePoste() {
    ProcessInstance instance = demarrer(Elus.avec("preferenceCanal", "BUREAU_DE_POSTE"));
    execute(job());
    assertThat(instance).isWaitingAt("Tache_RendezVousBureauDePoste");
    complete(task(), Map.of("bureauDePoste", "Orléans République", "dateRendezVous", "2026-11-26"));

    verificationFaceAFace(instance);
    terminerParActivation(instance);
    assertThat(beans.modeles()).startsWith("IDENTITE_BUREAU_DE_POSTE");
  }

  @Test
  void sansCompteMonCompteFormationLaProcedureCourrierRenvoieALaCreationDuCompte() {
    ProcessInstance instance = demarrer(Elus.avec("smartphoneOs", "AUCUN", "smartphoneVersion", null,
        "smartphoneVersionMajeure", null));
    assertThat(instance).isWaitingAt("Tache_PreparerCourrier");
    complete(task(), Map.of("reponseCompteMcf", "NON"));

    assertThat(instance).isEnded().hasPassed("Fin_CompteFormationAbsent");
  }

  @Test
  void procedureCourrierRelanceQuatreSemainesApresLePostagePuisChaqueSemaine() {
    ProcessInstance instance = demarrer(Elus.avec("smartphoneVersionMajeure", 5));   // Android 5: too old
    assertThat(instance).variables().containsEntry("canalIdentite", "COURRIER");
    assertThatThrownBy(() -> complete(task(), Map.of("reponseCompteMcf", "OUI",
        "piecesCourrier", List.of("PIECE_IDENTITE"), "datePostage", "2026-11-23")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("piecesCourrier");
    complete(task(), Map.of("reponseCompteMcf", "OUI", "piecesCourrier",
        List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"), "datePostage", "2026-11-23"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_QuatreSemaines");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-21T09:00"));   // 28 days after posting

    maintenant("2026-12-21T09:00");
    execute(job());
    execute(job());
    assertThat(instance).isWaitingAt("Tache_SuivreCourrier");
    complete(task(), Map.of("resultatSuiviCourrier", "Pas encore reçu, l'élu surveille sa boîte."));
    assertThat(instance).isWaitingAt("Timer_RelanceSuivante");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-28T09:00"));
    maintenant("2026-12-28T09:00");
    execute(job());
    assertThat(instance).isWaitingAt("Envoi_RelanceCourrier");
    execute(job());

    runtimeService().correlateMessage("CourrierRecommandeRecu", CLE);
    identiteVerifieeParCourrier(instance);
    assertThat(beans.modeles()).containsExactly("IDENTITE_COURRIER", "RELANCE_COURRIER", "RELANCE_COURRIER",
        "IDENTITE_VERIFIEE_COURRIER");
  }

  @Test
  void franceConnectImpossibleALActivationRemonteLErreurPourLaCdc() {
    ProcessInstance instance = demarrer(Elus.avec("preferenceCanal", "BUREAU_DE_POSTE"));
    execute(job());
    complete(task(), Map.of("bureauDePoste", "Orléans République", "dateRendezVous", "2026-11-24"));
    verificationFaceAFace(instance);
    execute(job());
    assertThatThrownBy(() -> complete(task(), Map.of("issueActivation", "ECHEC_FRANCECONNECT", "descriptionErreur", " ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("descriptionErreur");
    assertThatThrownBy(() -> complete(task(), Map.of("issueActivation", "PEUT_ETRE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("issueActivation");

    complete(task(), Map.of("issueActivation", "ECHEC_FRANCECONNECT", "descriptionErreur", "Erreur FC-403"));

    assertThat(instance).isEnded().hasPassed("Fin_EchecFranceConnect").hasNotPassed("Fin_IdentiteCreee")
        .variables().containsEntry("identiteNumerique", false);
  }

  @Test
  void sansNouvellesDuFaceAFaceLeConseillerFaitLePointApresDixJoursOuvres() {
    ProcessInstance instance = demarrer(Elus.avec("preferenceCanal", "BUREAU_DE_POSTE"));
    execute(job());
    complete(task(), Map.of("bureauDePoste", "Orléans République", "dateRendezVous", "2026-11-24"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_SuiviFaceAFace");
    assertThat(job().getDuedate()).as("10 working days, 11 November not being in them")
        .isEqualTo(paris("2026-12-08T10:00"));

    maintenant("2026-12-08T10:00");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_SuivreFaceAFace");
    assertThat(task()).hasCandidateGroup("conseillers").hasDueDate(paris("2026-12-08T10:00"));
    complete(task(), Map.of("resultatSuiviFaceAFace", "Rendez-vous repris au 15/12."));
    assertThat(instance).isWaitingAt("Timer_SuiviFaceAFace");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-12-22T10:00"));

    runtimeService().correlateMessage("VerificationFaceAFaceFaite", CLE);
    terminerParActivation(instance);
  }

  /** Fires the weekly reminders until the count of dife.delais.relances-courrier (4 by default). */
  private void relancesJusquAuxSuperviseurs(ProcessInstance instance, String depuis) {
    maintenant(depuis);
    for (int relance = 1; relance <= 4; relance++) {
      execute(job());   // the timer
      execute(job());   // the email
      assertThat(instance).variables().containsEntry("relancesCourrier", (long) relance);
      complete(task(), Map.of("resultatSuiviCourrier", "Toujours rien."));
      if (relance < 4) {
        assertThat(instance).isWaitingAt("Timer_RelanceSuivante");
        ClockUtil.setCurrentTime(job().getDuedate());
      }
    }
    assertThat(instance).isWaitingAt("Tache_ReprendreProcedureCourrier");
    assertThat(task()).hasCandidateGroup("superviseurs");
  }

  @Test
  void lesRelancesDuCourrierSArretentEtLesSuperviseursRelancentOuClosent() {
    ProcessInstance instance = demarrer(Elus.avec("smartphoneOs", "AUCUN", "smartphoneVersionMajeure", null));
    complete(task(), Map.of("reponseCompteMcf", "OUI", "piecesCourrier",
        List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"), "datePostage", "2026-11-23"));
    execute(job());
    relancesJusquAuxSuperviseurs(instance, "2026-12-21T09:00");
    assertThat(beans.modeles()).filteredOn("RELANCE_COURRIER"::equals).hasSize(4);
    assertThatThrownBy(() -> complete(task(), Map.of("actionSuperviseur", "Appel", "decisionCloture", "CLORE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("motifCloture");

    complete(task(), Map.of("actionSuperviseur", "Appel de l'élu", "decisionCloture", "RELANCER"));
    assertThat(instance).isWaitingAt("Timer_RelanceSuivante").variables().containsEntry("relancesCourrier", 0L);
    relancesJusquAuxSuperviseurs(instance, "2027-01-18T09:00");
    complete(task(), Map.of("actionSuperviseur", "Appel de MCF", "decisionCloture", "CLORE",
        "motifCloture", "Courrier recommandé jamais reçu après 12 semaines."));

    assertThat(instance).isEnded().hasPassed("Fin_ProcedureCourrierSansSuite").hasNotPassed("Fin_IdentiteVerifieeParCourrier");
  }

  @Test
  void lActivationExigeLaConfirmationSansJamaisDemanderLeCode() {
    ProcessInstance instance = demarrer(Elus.avec("cameraEtMicro", false));
    execute(job());
    complete(task(), Map.of("compteLaPoste", "EXISTANT", "modeVerification", "FACE_A_FACE"));
    verificationFaceAFace(instance);
    execute(job());

    assertThatThrownBy(() -> complete(task(), Map.of("applicationActivee", false, "dateActivation", "2026-11-24")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("applicationActivee");
    assertThat(instance).isWaitingAt("Tache_ActiverApplication");
  }
}
