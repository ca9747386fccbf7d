package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of dife-parcours, with its real called processes; the coverage asked
 * of this class is the parcours' own (the called ones have their test classes).
 */
@Deployment(resources = {"bpmn/dife-parcours.bpmn", "bpmn/dife-identite-numerique.bpmn", "bpmn/dife-escalade-cdc.bpmn",
    "bpmn/dife-inscription-formation.bpmn", "bpmn/choix-canal-identite.dmn", "bpmn/tarif-nuitee.dmn", "bpmn/tarif-repas.dmn"})
class DifeParcoursProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension moteur = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-unit.cfg.xml")
      .excludeProcessDefinitionKeys("dife-identite-numerique", "dife-escalade-cdc", "dife-inscription-formation")
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String CLE = Elus.REFERENCE;
  @RegisterExtension
  final BeansDuParcours beans = new BeansDuParcours("2026-02-20T10:00");

  private ProcessInstance ouvrir(Map<String, Object> variables) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-parcours", CLE, variables);
    assertThat(instance).isWaitingAt("Debut_DossierOuvert").variables().containsEntry("statutDossier", "OUVERT");
    execute(job());
    return instance;
  }

  private static void droitsVisibles(ProcessInstance instance, String montant) {
    assertThat(instance).isWaitingAt("Tache_VerifierDroitsElu").variables().containsEntry("statutDossier", "VERIFICATION_DROITS");
    complete(task(), Map.of("reponseDroitsVisibles", "OUI", "montantDroitsLu", montant));
  }

  @Test
  void hypothese1AvecIdentiteDejaLaJusquAuxDroitsVerifies() {
    ProcessInstance instance = ouvrir(Elus.avec("identiteNumerique", true));

    assertThat(instance).hasPassed("Gw_CompteFormationExistant", "Appel_IdentiteNumerique")
        .hasNotPassed("Tache_CreerCompteFormation");
    assertThat(task()).hasCandidateGroup("conseillers")
        .hasDescription("Claire MARTIN (Saint-Jean-de-Braye), dossier DIFE-2026-000042 : l'élu se connecte avec "
            + "FranceConnect+ ; le compte Élu (ruban tricolore) apparaît-il dans l'onglet DROITS, avec quel montant ?");
    assertThatThrownBy(() -> complete(task(), Map.of("reponseDroitsVisibles", "OUI", "montantDroitsLu", "700,555")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("montantDroitsLu");
    droitsVisibles(instance, "800,00");

    assertThat(instance).isWaitingAt("Appel_InscriptionFormation").variables()
        .containsEntry("droitsDife", "800.00").containsEntry("droitsVisibles", true)
        .containsEntry("statutDossier", "CHOIX_FORMATION");
    assertThat(beans.dossiersClos).isEmpty();
  }

  /** Choice, registration and the organisme's proposal, as the called process gets them. */
  private ProcessInstance propositionRecue(String acceptation, String debut, String fin, String lieu) {
    ProcessInstance inscription = calledProcessInstance("dife-inscription-formation");
    complete(task(inscription), Map.of("moyenRecherche", "RECHERCHE", "organismeFormation", "Institut des élus",
        "intituleFormation", "Finances locales", "dateDebutFormation", debut, "dateFinFormation", fin,
        "coutFormation", "500", "codeInseeLieuFormation", lieu));
    complete(task(inscription), Map.of("issueInscription", "DOSSIER_ENVOYE"));
    runtimeService().correlateMessage("PropositionOrganisme", CLE, Map.of("dateAcceptation", acceptation,
        "dateDebutFormation", debut, "dateFinFormation", fin, "coutFormation", "500.00", "codeInseeLieuFormation", lieu));
    execute(job(inscription));
    return inscription;
  }

  /** The registration with enough DIFE for the whole cost, validated by the élu. */
  private void inscrire(ProcessInstance instance, String fin) {
    assertThat(instance).isWaitingAt("Appel_InscriptionFormation");
    propositionRecue("2026-03-02", "2026-03-18", fin, "75056");
    runtimeService().correlateMessage("InscriptionValidee", CLE, Map.of("dateValidation", "2026-03-10"));
  }

  private ProcessInstance jusquAuxFraisThr() {
    ProcessInstance instance = ouvrir(Elus.avec("identiteNumerique", true));
    droitsVisibles(instance, "700");
    inscrire(instance, "2026-03-19");
    assertThat(instance).isWaitingAt("Timer_FinFormation").variables().containsEntry("statutDossier", "EN_FORMATION");
    assertThat(job().getDuedate()).isEqualTo(HeureDeParis.paris("2026-03-19T18:00"));
    HeureDeParis.maintenant("2026-03-19T18:00");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_DeclarerFraisThr").variables().containsEntry("statutDossier", "FRAIS_THR");
    return instance;
  }

  @Test
  void formationSuivieFraisThrAParis() {
    ProcessInstance instance = jusquAuxFraisThr();

    complete(task(), Map.of("repasPris", 2, "codeInseeNuitee1", "75056", "nombreNuitees1", 1));

    assertThat(instance).variables().containsEntry("fraisThr", Map.of("repas", "2", "montantRepas", "35.00",
        "nuitees", "1", "montantNuitees", "110.00", "total", "145.00"));
    execute(job());
    assertThat(instance).isEnded().hasPassed("Fin_FormationSuivie")
        .variables().containsEntry("statutDossier", "CLOS_FORMATION_SUIVIE");
    assertThat(beans.modeles()).endsWith("FRAIS_THR");
    assertThat(beans.dossiersClos).containsExactly(CLE);
  }

  @Test
  void fraisThrEnMetropoleDuGrandParisEtAilleurs() {
    ProcessInstance instance = jusquAuxFraisThr();
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", -1)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("repasPris");
    // 2^32 + 1 was once read as 1 meal
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", 4294967297L)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Le champ « repasPris » doit être compris entre 0 et 366.");
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "93066", "nombreNuitees1", 0)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("nombreNuitees1");

    complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "93066", "nombreNuitees1", 2,
        "codeInseeNuitee2", "45234", "nombreNuitees2", 1));

    assertThat(instance).variables().extracting(v -> ((Map<?, ?>) v.get("fraisThr")).get("total")).isEqualTo("302.50");
  }

  @Test
  void difeNonMobiliseQuandLeDelaiNEstPasTenu() {
    ProcessInstance instance = ouvrir(Elus.avec("identiteNumerique", true));
    droitsVisibles(instance, "700");
    ProcessInstance inscription = propositionRecue("2026-02-23", "2026-03-05", "2026-03-05", "45234");
    complete(task(inscription), Map.of("decisionDelai", "CLORE"));

    assertThat(instance).isEnded().hasPassed("Erreur_InscriptionSansDife", "Fin_DifeNonMobilise")
        .variables().containsEntry("statutDossier", "CLOS_DIFE_NON_MOBILISE");
  }

  @Test
  void abandonAuxEtapesDuCompteDeLIdentiteEtDeLaValidation() {
    ProcessInstance auCompte = ouvrir(Elus.avec("compteFormation", false));
    abandonner(auCompte);

    ProcessInstance aLIdentite = ouvrir(Elus.claire());
    assertThat(aLIdentite).isWaitingAt("Appel_IdentiteNumerique");
    abandonner(aLIdentite);

    ProcessInstance aLaValidation = ouvrir(Elus.avec("identiteNumerique", true));
    droitsVisibles(aLaValidation, "700");
    propositionRecue("2026-03-02", "2026-03-18", "2026-03-18", "45234");
    assertThat(aLaValidation).variables().containsEntry("statutDossier", "VALIDATION");
    abandonner(aLaValidation);

    assertThat(beans.dossiersClos).containsExactly(CLE, CLE, CLE);
  }

  /**
   * Each called process gets the variables its call activity names, never the whole
   * dossier nor a copy of the status, and gives back only what the journey uses next.
   */
  @Test
  void chaqueProcessusAppeleNeRecoitEtNeRendQueSonContrat() {
    ProcessInstance instance = ouvrir(Elus.avec("telephoneMobile", "0612345678", "nirMasque", "2 71 04 ** *** *** 58"));
    ProcessInstance identite = calledProcessInstance("dife-identite-numerique");
    assertThat(runtimeService().getVariables(identite.getId()).keySet())
        .contains("reference", "nomNaissance", "prenoms", "email", "smartphoneVersionMajeure", "preferenceCanal")
        .doesNotContain("statutDossier", "nirMasque", "telephoneMobile", "droitsDife", "association", "nomUsage");
    assertThat(instance).variables().containsEntry("statutDossier", "IDENTITE_NUMERIQUE");
    runtimeService().deleteProcessInstance(instance.getId(), "fin du test");

    ProcessInstance inscrit = ouvrir(Elus.avec("identiteNumerique", true));
    droitsVisibles(inscrit, "700");
    ProcessInstance inscription = calledProcessInstance("dife-inscription-formation");
    assertThat(runtimeService().getVariables(inscription.getId()).keySet())
        .contains("droitsDife", "nomUsage", "lieuNaissance", "nationalite", "mandat", "collectiviteCodeInsee")
        .doesNotContain("statutDossier", "smartphoneOs", "compteFormation", "droitsVisibles");
    assertThat(inscrit).variables().containsEntry("statutDossier", "CHOIX_FORMATION");
    inscrire(inscrit, "2026-03-19");

    assertThat(inscrit).isWaitingAt("Timer_FinFormation").variables()
        .containsEntry("intituleFormation", "Finances locales").containsEntry("dateFinFormation", "2026-03-19")
        .containsEntry("coutFormation", "500.00").containsEntry("dateValidation", "2026-03-10")
        .containsKey("repartition").doesNotContainKey("issueInscription").doesNotContainKey("joursOuvresInscription");
  }

  private static void abandonner(ProcessInstance instance) {
    runtimeService().createMessageCorrelation("AbandonDossier").processInstanceId(instance.getId())
        .setVariable("motifAbandon", "L'élu renonce.").correlate();
    assertThat(instance).isEnded().hasPassed("Fin_Abandon").variables()
        .containsEntry("statutDossier", "CLOS_ABANDON").containsEntry("motifAbandon", "L'élu renonce.");
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CLE).count())
        .as("called processes, timers and tasks go with it").isZero();
  }

  @Test
  void hypothese2LesConseillersAccompagnentLaCreationDuCompte() {
    ProcessInstance instance = ouvrir(Elus.avec("compteFormation", false, "identiteNumerique", true));

    assertThat(instance).isWaitingAt("Tache_CreerCompteFormation").variables().containsEntry("statutDossier", "COMPTE_FORMATION");
    assertThat(task()).hasCandidateGroup("conseillers").isNotAssigned();
    complete(task(), Map.of("modeCreationCompte", "QUATRE_ETAPES", "dateCreationCompte", "2026-02-19"));

    assertThat(instance).hasPassed("Tache_CreerCompteFormation", "Appel_IdentiteNumerique")
        .variables().containsEntry("compteFormation", true);
    droitsVisibles(instance, "400");
    assertThat(instance).isWaitingAt("Appel_InscriptionFormation");
  }

  @Test
  void laCreationDuCompteRefuseUneSaisieInvalideEtLaTacheReste() {
    HeureDeParis.maintenant("2026-11-24T10:00");
    ProcessInstance instance = ouvrir(Elus.avec("compteFormation", false));

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
  void laProcedureCourrierSansCompteRameneALaCreationDuCompte() {
    ProcessInstance instance = ouvrir(Elus.avec("smartphoneOs", "AUCUN", "smartphoneVersionMajeure", null));
    assertThat(instance).isWaitingAt("Appel_IdentiteNumerique");
    ProcessInstance identite = calledProcessInstance("dife-identite-numerique");
    assertThat(identite).isWaitingAt("Tache_PreparerCourrier");
    assertThat(instance).variables().containsEntry("statutDossier", "IDENTITE_NUMERIQUE");

    complete(task(identite), Map.of("reponseCompteMcf", "NON"));

    assertThat(instance).hasPassed("Erreur_SansCompteFormation").isWaitingAt("Tache_CreerCompteFormation")
        .variables().containsEntry("compteFormation", false);
    complete(task(), Map.of("modeCreationCompte", "FRANCECONNECT", "dateCreationCompte", "2020-01-01"));
    assertThat(instance).isWaitingAt("Appel_IdentiteNumerique");
    assertThat(calledProcessInstance("dife-identite-numerique")).isWaitingAt("Tache_PreparerCourrier");
  }

  @Test
  void droitsAbsentsEscaladeALaCdcPuisNouvelleVerification() {
    ProcessInstance instance = ouvrir(Elus.avec("identiteNumerique", true));
    complete(task(), Map.of("reponseDroitsVisibles", "NON"));

    assertThat(instance).isWaitingAt("Appel_EscaladeDroits").variables().containsEntry("statutDossier", "ESCALADE_CDC");
    ProcessInstance escalade = calledProcessInstance("dife-escalade-cdc");
    assertThat(escalade).variables().containsEntry("motifEscalade", "DROITS_ELU_ABSENTS");
    execute(job(escalade));
    execute(job(escalade));
    assertThat(beans.modeles()).containsExactly("ESCALADE_DROITS_ELU_ABSENTS", "ESCALADE_INFORMATION_ELU");
    runtimeService().createMessageCorrelation("ReponseCdc").processInstanceBusinessKey(CLE)
        .setVariable("reponseCdcResolue", true).setVariable("piecesDemandeesCdc", List.of()).correlate();

    droitsVisibles(instance, "700.00");
    assertThat(instance).hasPassed("Appel_EscaladeDroits").isWaitingAt("Appel_InscriptionFormation");
  }

  @Test
  void unStatutHorsContratEstRefuse() {
    assertThatThrownBy(() -> new PassageStatut().passer(null, "EN_ATTENTE"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StatutDossier.values()).hasSize(14);
  }
}
