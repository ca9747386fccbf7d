package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
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

  @Test
  void desDroitsAuDelaDe800EurosSontGardesAvecLeurAvertissement() {
    ProcessInstance instance = ouvrir(Elus.avec("identiteNumerique", true));

    droitsVisibles(instance, "950,50");

    assertThat(instance).isWaitingAt("Appel_InscriptionFormation").variables().containsEntry("droitsDife", "950.50")
        .containsEntry("avertissementDroits", "Les droits DIFE lus sur Mon Compte Formation (950.50 €) dépassent le "
            + "plafond de 800 € : vérifiez le montant sur Mon Compte Formation (une dotation de la collectivité est "
            + "possible).");
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
    ProcessInstance inscription = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("dife-inscription-formation").superProcessInstanceId(instance.getId()).singleResult();
    assertThat(instance).variables().containsEntry("statutDossier", "VALIDATION");
    assertThat(inscription).isWaitingAt("Timer_DebutFormationValidee");
    HeureDeParis.maintenant("2026-03-18T00:00");
    execute(job(inscription));
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
  void formationSuivieFraisThrAParisVerifiesEnvoyesDeposesPuisRembourses() {
    ProcessInstance instance = jusquAuxFraisThr();

    complete(task(), Map.of("repasPris", 2, "codeInseeNuitee1", "75056", "nombreNuitees1", 1));

    assertThat(instance).variables().containsEntry("fraisThr", Map.of("repas", "2", "montantRepas", "35.00",
        "nuitees", "1", "montantNuitees", "110.00", "total", "145.00")).containsEntry("fraisADemander", true)
        .containsEntry("fraisThrDetail", "- 2 repas, à 17,50 € : 35,00 €\n"
            + "- 1 nuitée à Paris (75056) le 18/03/2026, à 110,00 € : 110,00 €\nTotal : 145,00 €");
    // the conseiller sees the total and the lines before anything leaves
    assertThat(instance).isWaitingAt("Tache_VerifierFraisThr");
    assertThat(task()).hasCandidateGroup("conseillers").hasDescription("Claire MARTIN (Saint-Jean-de-Braye), dossier "
        + "DIFE-2026-000042 : total des frais THR 145.00 € ; vérifier les lignes avant que l'élu reçoive la demande "
        + "à faire sur MCF.");
    assertThat(beans.modeles()).doesNotContain("FRAIS_THR");
    complete(task(), Map.of("decisionFraisThr", "ENVOYER"));
    execute(job());
    assertThat(beans.modeles()).endsWith("FRAIS_THR");

    assertThat(instance).isWaitingAt("Tache_EnregistrerDepotFraisThr").variables()
        .containsEntry("statutDossier", "FRAIS_THR");
    assertThatThrownBy(() -> complete(task(), Map.of("dateDepotFraisThr", "2026-03-18")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Le champ « dateDepotFraisThr » ne peut précéder l'envoi des montants à l'élu (2026-03-19).");
    assertThatThrownBy(() -> complete(task(), Map.of("dateDepotFraisThr", "2026-03-20")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dateDepotFraisThr").hasMessageContaining("futur");
    HeureDeParis.maintenant("2026-03-24T10:00");
    complete(task(), Map.of("dateDepotFraisThr", "2026-03-23"));

    assertThat(instance).isWaitingAt("Tache_EnregistrerPaiementFraisThr");
    assertThatThrownBy(() -> complete(task(), Map.of("datePaiementFraisThr", "2026-03-22", "montantPayeFraisThr", "145")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("« datePaiementFraisThr » ne peut précéder");
    assertThatThrownBy(() -> complete(task(), Map.of("datePaiementFraisThr", "2026-03-24", "montantPayeFraisThr", "1,5,0")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("montantPayeFraisThr");
    complete(task(), Map.of("datePaiementFraisThr", "2026-03-24", "montantPayeFraisThr", "140,00"));

    assertThat(instance).isEnded().hasPassed("Fin_FormationSuivie")
        .variables().containsEntry("statutDossier", "CLOS_FORMATION_SUIVIE").containsEntry("dateEnvoiFraisThr", "2026-03-19")
        .containsEntry("dateDepotFraisThr", "2026-03-23")
        .containsEntry("datePaiementFraisThr", "2026-03-24").containsEntry("montantPayeFraisThr", "140.00")
        .containsEntry("ecartFraisThr", "-5.00");
    assertThat(beans.dossiersClos).containsExactly(CLE);
  }

  @Test
  void fraisThrEnMetropoleDuGrandParisEtAilleursCorrigesAvantLEnvoi() {
    ProcessInstance instance = jusquAuxFraisThr();
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", -1)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("repasPris");
    // 2^32 + 1 was once read as 1 meal
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", 4294967297L)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Le champ « repasPris » doit être compris entre 0 et 366.");
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "93066", "nombreNuitees1", 0)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("nombreNuitees1");
    // Orléans' postal code is no commune
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "45000", "nombreNuitees1", 1)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Le champ « codeInseeNuitee1 » doit être le "
            + "code INSEE d'une commune du Code officiel géographique : 45000 n'en est pas un");
    // the training runs on 18 and 19 March: nights from the 17th to the 19th
    assertThatThrownBy(() -> complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "93066", "nombreNuitees1", 2,
        "dateNuitee1", "2026-03-19")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Le champ « dateNuitee1 » doit placer les 2 "
            + "nuitée(s) de la ligne entre la veille de la formation (17/03/2026) et son dernier jour (19/03/2026).");

    complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "93066", "nombreNuitees1", 1,
        "codeInseeNuitee2", "45234", "nombreNuitees2", 1));
    assertThat(instance).variables().extracting(v -> ((Map<?, ?>) v.get("fraisThr")).get("total")).isEqualTo("212.50");
    complete(task(), Map.of("decisionFraisThr", "CORRIGER"));

    // corrected: two nights in Saint-Denis from the eve of the training, one in Orléans on its last day
    assertThat(instance).isWaitingAt("Tache_DeclarerFraisThr");
    complete(task(), Map.of("repasPris", 3, "codeInseeNuitee1", "93066", "nombreNuitees1", 2,
        "dateNuitee1", "2026-03-17", "codeInseeNuitee2", "45234", "nombreNuitees2", 1, "dateNuitee2", "2026-03-19"));
    assertThat(instance).isWaitingAt("Tache_VerifierFraisThr").variables()
        .containsEntry("fraisThrDetail", "- 3 repas, à 17,50 € : 52,50 €\n"
            + "- 2 nuitées à Saint-Denis (93066) à partir du 17/03/2026, à 90,00 € : 180,00 €\n"
            + "- 1 nuitée à Orléans (45234) le 19/03/2026, à 70,00 € : 70,00 €\nTotal : 302,50 €")
        .extracting(v -> ((Map<?, ?>) v.get("fraisThr")).get("total")).isEqualTo("302.50");
    assertThatThrownBy(() -> complete(task(), Map.of("decisionFraisThr", "PEUT_ETRE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("decisionFraisThr");
    complete(task(), Map.of("decisionFraisThr", "ENVOYER"));
    assertThat(instance).isWaitingAt("Envoi_FraisThr");
  }

  /** A stay across New Year 2027 once analysts have deployed a new barème: each night at the rate of its date. */
  @Test
  void chaqueNuiteeAuBaremeEnVigueurASaDate() {
    String nouveauBareme = repositoryService().createDeployment()
        .addClasspathResource("dmn/tarif-nuitee-bareme-2027.dmn").deploy().getId();
    try {
      ProcessInstance instance = runtimeService().createProcessInstanceByKey("dife-parcours").businessKey(CLE)
          .startBeforeActivity("Tache_DeclarerFraisThr").setVariables(Elus.avec("reference", CLE,
              "intituleFormation", "Finances locales", "dateDebutFormation", "2026-12-30",
              "dateFinFormation", "2027-01-01")).execute();
      assertThat(instance).isWaitingAt("Tache_DeclarerFraisThr");

      complete(task(), Map.of("repasPris", 0, "codeInseeNuitee1", "69123", "nombreNuitees1", 3,
          "dateNuitee1", "2026-12-30"));

      assertThat(instance).isWaitingAt("Tache_VerifierFraisThr").variables()
          .containsEntry("fraisThrDetail", "- 2 nuitées à Lyon (69123) à partir du 30/12/2026, à 90,00 € : 180,00 €\n"
              + "- 1 nuitée à Lyon (69123) le 01/01/2027, à 120,00 € : 120,00 €\nTotal : 300,00 €");
    } finally {
      repositoryService().deleteDeployment(nouveauBareme, true);
    }
  }

  @Test
  void aucunRepasNiNuiteeAucuneDemande() {
    ProcessInstance instance = jusquAuxFraisThr();

    complete(task(), Map.of("repasPris", 0, "codeInseeNuitee1", ""));

    assertThat(instance).isEnded().hasPassed("Fin_FormationSuivieSansFrais").hasNotPassed("Tache_VerifierFraisThr")
        .variables().containsEntry("statutDossier", "CLOS_FORMATION_SUIVIE").containsEntry("fraisADemander", false);
    assertThat(beans.modeles()).doesNotContain("FRAIS_THR");
    assertThat(beans.dossiersClos).containsExactly(CLE);
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
        .contains("droitsDife", "nomUsage", "collectiviteCodeInsee")
        // the élu's civil status stays on the dossier: its emails read it there (EnvoyerCourrielDelegate)
        .doesNotContain("statutDossier", "smartphoneOs", "compteFormation", "droitsVisibles", "dateNaissance",
            "lieuNaissance", "nationalite", "mandat");
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

  /** An élu without a smartphone: the postal procedure's file posted, its email sent; returns the identity stage. */
  private static ProcessInstance courrierPoste() {
    ProcessInstance identite = calledProcessInstance("dife-identite-numerique");
    complete(task(identite), Map.of("reponseCompteMcf", "OUI", "piecesCourrier",
        List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"), "datePostage", "2026-02-19"));
    execute(job(identite));
    return identite;
  }

  @Test
  void sansSmartphoneLeCourrierRecommandeVerifieLIdentiteSansApplication() {
    ProcessInstance instance = ouvrir(Elus.avec("smartphoneOs", "AUCUN", "smartphoneVersionMajeure", null));
    ProcessInstance identite = courrierPoste();
    runtimeService().correlateMessage("CourrierRecommandeRecu", CLE);
    execute(job(identite));

    assertThat(identite).isEnded().hasPassed("Fin_IdentiteVerifieeParCourrier");
    assertThat(instance).isWaitingAt("Tache_VerifierDroitsElu").variables()
        .containsEntry("identiteVerifieeParCourrier", true).containsEntry("statutDossier", "VERIFICATION_DROITS");
    assertThat(task().getDescription()).contains("avec son numéro de sécurité sociale et son mot de passe")
        .doesNotContain("FranceConnect+");
    assertThat(beans.modeles()).containsExactly("IDENTITE_COURRIER", "IDENTITE_VERIFIEE_COURRIER");
    droitsVisibles(instance, "700");
    assertThat(instance).isWaitingAt("Appel_InscriptionFormation");
  }

  private static final Map<String, Object> PIECES_IDENTITE_ENVOYEES = Map.of("piecesIdentiteCdc",
      List.of("PIECE_IDENTITE_RECTO_VERSO", "CARTE_VITALE_OU_NIR", "CAPTURE_ERREUR", "EXPLICATION_PROBLEME"),
      "dateEnvoiPiecesCdc", "2026-02-20", "expediteurPiecesCdc", "CONSEILLER");

  /** Face to face verified, then FranceConnect+ cannot be created when the app is activated. */
  private static ProcessInstance echecFranceConnectALActivation(String erreur) {
    ProcessInstance identite = calledProcessInstance("dife-identite-numerique");
    execute(job(identite));
    complete(task(identite), Map.of("compteLaPoste", "EXISTANT", "modeVerification", "FACE_A_FACE"));
    execute(job(identite));
    runtimeService().correlateMessage("VerificationFaceAFaceFaite", CLE);
    execute(job(identite));
    complete(task(identite), Map.of("issueActivation", "ECHEC_FRANCECONNECT", "descriptionErreur", erreur));
    return identite;
  }

  @Test
  void franceConnectImpossibleALIdentiteEscaladeALaCdcPuisVerificationDesDroits() {
    ProcessInstance instance = ouvrir(Elus.avec("cameraEtMicro", false));
    ProcessInstance identite = echecFranceConnectALActivation("« Erreur FC-403 » à la création de FranceConnect+");

    assertThat(identite).isEnded().hasPassed("Fin_EchecFranceConnect");
    assertThat(instance).hasPassed("Erreur_EchecFranceConnectIdentite").isWaitingAt("Appel_EscaladeIdentite")
        .variables().containsEntry("statutDossier", "ESCALADE_CDC");
    ProcessInstance escalade = calledProcessInstance("dife-escalade-cdc");
    assertThat(escalade).variables().containsEntry("motifEscalade", "ECHEC_FRANCECONNECT")
        .containsEntry("descriptionErreur", "« Erreur FC-403 » à la création de FranceConnect+");
    execute(job(escalade));
    execute(job(escalade));
    assertThat(beans.modeles()).endsWith("ESCALADE_ECHEC_FRANCECONNECT", "ESCALADE_INFORMATION_ELU_ECHEC_FRANCECONNECT");
    assertThat(task(escalade).getTaskDefinitionKey()).isEqualTo("Tache_EnregistrerPiecesIdentiteCdc");
    complete(task(escalade), PIECES_IDENTITE_ENVOYEES);
    runtimeService().createMessageCorrelation("ReponseCdc").processInstanceBusinessKey(CLE)
        .setVariable("reponseCdcResolue", true).setVariable("piecesDemandeesCdc", List.of()).correlate();

    droitsVisibles(instance, "700");
    assertThat(instance).hasPassed("Appel_EscaladeIdentite").isWaitingAt("Appel_InscriptionFormation");
  }

  private static void cloreLaTache(ProcessInstance processus, String motif) {
    complete(task(processus), Map.of("actionSuperviseur", "Relances", "decisionCloture", "CLORE", "motifCloture", motif));
  }

  private static void nonMobiliseAvecSonMotif(ProcessInstance instance, String bord, String motif) {
    assertThat(instance).isEnded().hasPassed(bord).variables()
        .containsEntry("statutDossier", "CLOS_DIFE_NON_MOBILISE").containsEntry("motifCloture", motif);
  }

  @Test
  void unCourrierJamaisRecuOuUneCdcSansSolutionClotLeDossierAvecSonMotif() {
    ProcessInstance courrier = ouvrir(Elus.avec("smartphoneOs", "AUCUN", "smartphoneVersionMajeure", null));
    ProcessInstance identite = courrierPoste();
    for (int relance = 1; relance <= 4; relance++) {
      execute(job(identite));
      execute(job(identite));
      complete(task(identite), Map.of("resultatSuiviCourrier", "Rien."));
    }
    cloreLaTache(identite, "Courrier jamais reçu.");
    nonMobiliseAvecSonMotif(courrier, "Fin_IdentiteNonMobilise", "Courrier jamais reçu.");

    ProcessInstance droits = ouvrir(Elus.avec("identiteNumerique", true));
    complete(task(), Map.of("reponseDroitsVisibles", "NON"));
    ProcessInstance escaladeDroits = calledProcessInstance("dife-escalade-cdc");
    for (int job = 0; job < 4; job++) {
      execute(job(escaladeDroits));
    }
    cloreLaTache(escaladeDroits, "La CDC ne trouve pas le mandat.");
    nonMobiliseAvecSonMotif(droits, "Fin_EscaladeDroitsNonMobilise", "La CDC ne trouve pas le mandat.");
    assertThat(beans.dossiersClos).containsExactly(CLE, CLE);
  }

  @Test
  void uneCdcQuiRefuseApresLEchecFranceConnectClotLeDossier() {
    ProcessInstance instance = ouvrir(Elus.avec("cameraEtMicro", false));
    echecFranceConnectALActivation("FC-403");
    assertThat(instance).isWaitingAt("Appel_EscaladeIdentite");
    ProcessInstance escalade = calledProcessInstance("dife-escalade-cdc");
    execute(job(escalade));
    execute(job(escalade));
    complete(task(escalade), PIECES_IDENTITE_ENVOYEES);
    runtimeService().createMessageCorrelation("ReponseCdc").processInstanceBusinessKey(CLE)
        .setVariable("reponseCdcResolue", false).setVariable("piecesDemandeesCdc", List.of()).correlate();
    complete(task(escalade), Map.of("reponseCdcConstatee", "Identité non vérifiable.", "decisionCloture", "CLORE",
        "motifCloture", "La CDC ne peut pas vérifier l'identité."));

    nonMobiliseAvecSonMotif(instance, "Fin_EscaladeIdentiteNonMobilise", "La CDC ne peut pas vérifier l'identité.");
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
    assertThat(beans.modeles()).containsExactly("ESCALADE_DROITS_ELU_ABSENTS", "ESCALADE_INFORMATION_ELU_DROITS_ELU_ABSENTS");
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
