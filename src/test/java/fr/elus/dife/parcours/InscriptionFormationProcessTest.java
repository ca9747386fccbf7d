package fr.elus.dife.parcours;

import static fr.elus.dife.parcours.HeureDeParis.maintenant;
import static fr.elus.dife.parcours.HeureDeParis.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of dife-inscription-formation (R5–R7): timers by their due dates, 100 % coverage. */
@Deployment(resources = {"bpmn/dife-inscription-formation.bpmn", "bpmn/dife-escalade-cdc.bpmn"})
class InscriptionFormationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension moteur = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-unit.cfg.xml")
      .excludeProcessDefinitionKeys("dife-escalade-cdc")
      .assertClassCoverageAtLeast(1.0).build();

  private static final String CLE = Elus.REFERENCE;
  @RegisterExtension
  final BeansDuParcours beans = new BeansDuParcours("2026-02-20T10:00");

  private ProcessInstance demarrer(String droits) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-inscription-formation", CLE,
        Elus.avec("droitsDife", droits));
    assertThat(instance).isWaitingAt("Tache_ChoisirFormation").variables().containsEntry("statutDossier", "CHOIX_FORMATION");
    return instance;
  }

  private static void choisir(String debut, String cout) {
    complete(task(), choix(debut, cout));
  }

  private static Map<String, Object> choix(String debut, String cout) {
    return new java.util.HashMap<>(Map.of("moyenRecherche", "DROITS_MANDAT", "organismeFormation", "Institut des élus",
        "intituleFormation", "Finances locales", "dateDebutFormation", debut, "dateFinFormation", debut,
        "coutFormation", cout, "codeInseeLieuFormation", "45234", "emailCollectivite", " mairie@saint-jean.fr "));
  }

  private static Task tache(String cle) {
    return taskQuery().taskDefinitionKey(cle).singleResult();
  }

  /** Proposal accepted on 2 March for a start on 18 March, 1200 € with 700 € of DIFE: the two waits begin. */
  private ProcessInstance enAttenteDeLaValidationEtDeLaCollectivite() {
    ProcessInstance instance = demarrer("700.00");
    choisir("2026-03-18", "1200");
    inscrire(instance);
    proposition("2026-03-02", "2026-03-18", "1200.00");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_ConstaterValidation", "Tache_DemanderContributionCollectivite")
        .variables().containsEntry("statutDossier", "VALIDATION");
    return instance;
  }

  private static void inscrire(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Tache_InscrireSurMcf").variables().containsEntry("statutDossier", "INSCRIPTION");
    complete(task(), Map.of("issueInscription", "DOSSIER_ENVOYE"));
    assertThat(instance).isWaitingAt("Timer_ReponseOrganisme").variables().containsEntry("statutDossier", "ATTENTE_PROPOSITION");
  }

  private static void proposition(String acceptation, String debut, String cout) {
    runtimeService().createMessageCorrelation("PropositionOrganisme").processInstanceBusinessKey(CLE)
        .setVariables(Map.of("dateAcceptation", acceptation, "dateDebutFormation", debut, "dateFinFormation", debut,
            "coutFormation", cout, "codeInseeLieuFormation", "45234"))
        .correlate();
  }

  @Test
  void parcoursCompletAvecContributionDeLaCollectiviteEtRappel() {
    ProcessInstance instance = demarrer("700.00");
    Map<String, Object> adresseFausse = choix("2026-03-18", "1200");
    adresseFausse.put("emailCollectivite", "mairie.saint-jean.fr");
    assertThatThrownBy(() -> complete(task(), adresseFausse)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Le champ « emailCollectivite » doit être une adresse électronique valide.");
    choisir("2026-03-18", "1200");
    assertThat(instance).variables().containsEntry("coutFormation", "1200.00")
        .containsEntry("alerteDelaiInscription", "L'organisme doit accepter la demande au plus tard le 02/03/2026 "
            + "pour tenir les 11 jours ouvrés.");
    // asked at the choice, as soon as the cost and the DIFE are known: 500 € remain, all of it within the 75 %
    assertThat(instance).hasPassed("Service_RepartitionAuChoix", "Envoi_DemandeCollectivite").variables()
        .containsEntry("resteAPayer", true).containsEntry("plafondCollectivite", "500.00")
        .containsEntry("emailCollectivite", "mairie@saint-jean.fr");
    assertThat(beans.courriels).singleElement().satisfies(c -> {
      assertThat(c.modele()).isEqualTo("DEMANDE_COLLECTIVITE");
      assertThat(c.destinataire()).isEqualTo("COLLECTIVITE");
    });
    inscrire(instance);
    assertThat(job().getDuedate()).isEqualTo(paris("2026-02-24T10:00"));   // 2 working days

    proposition("2026-03-02", "2026-03-18", "1200.00");   // exactly 11 working days
    assertThat(instance).variables().containsEntry("joursOuvresInscription", 11).containsEntry("delaiTenu", true)
        .containsEntry("resteAPayer", true).containsEntry("plafondCollectivite", "500.00");
    assertThat(instance).as("the élu's email does not wait for the collectivity").isWaitingAt("Envoi_Repartition");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_ConstaterValidation", "Tache_DemanderContributionCollectivite")
        .variables().containsEntry("statutDossier", "VALIDATION").containsEntry("dateLimiteValidation", "2026-03-06");
    assertThat(tache("Tache_DemanderContributionCollectivite").getDueDate())
        .as("answered by the reminder's day, before the élu validates").isEqualTo(paris("2026-03-05T09:00"));
    assertThatThrownBy(() -> complete(tache("Tache_DemanderContributionCollectivite"),
        Map.of("reponseCollectivite", "OUI", "contributionCollectiviteAccordee", "900")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("contributionCollectiviteAccordee")
        .hasMessageContaining("500.00");
    complete(tache("Tache_DemanderContributionCollectivite"),
        Map.of("reponseCollectivite", "OUI", "contributionCollectiviteAccordee", "400"));
    assertThat(instance).variables().containsEntry("repartition", Map.of("coutFormation", "1200.00",
        "priseEnChargeDife", "700.00", "contributionCollectivite", "400.00", "plafondCollectivite", "500.00",
        "resteAChargeElu", "100.00"));
    assertThat(instance).as("the collectivity answered first: the élu's validation is still awaited")
        .isWaitingAt("Tache_ConstaterValidation");
    // the élu accepts within 4 working days of the organisme's acceptance, reminded the working day before
    assertThat(jobQuery().activityId("Timer_RappelValidation").singleResult().getDuedate())
        .isEqualTo(paris("2026-03-05T09:00"));
    assertThat(jobQuery().activityId("Timer_DelaiValidation").singleResult().getDuedate())
        .isEqualTo(paris("2026-03-07T00:00"));
    assertThat(taskQuery().taskDefinitionKey("Tache_ConstaterValidation").singleResult().getDueDate())
        .isEqualTo(paris("2026-03-07T00:00"));
    maintenant("2026-03-05T09:00");
    execute(jobQuery().activityId("Timer_RappelValidation").singleResult());
    execute(jobQuery().activityId("Envoi_RappelValidation").singleResult());

    runtimeService().correlateMessage("InscriptionValidee", CLE, Map.of("dateValidation", "2026-03-05"));
    assertThat(jobQuery().activityId("Timer_DelaiValidation").count()).as("confirmed: the deadline is gone").isZero();
    formationCommencee(instance);
    assertThat(instance).hasPassed("Fin_RappelEnvoye");
    assertThat(beans.modeles()).containsExactly("DEMANDE_COLLECTIVITE", "REPARTITION_VALIDATION", "REPONSE_COLLECTIVITE",
        "RAPPEL_VALIDATION");
  }

  /**
   * The élu validates on MCF before the collectivity answers: the event is recorded at
   * once (no deadline, no reminder left), and the stage ends with the answer.
   */
  @Test
  void laValidationArriveAvantLaReponseDeLaCollectiviteEtLAttend() {
    ProcessInstance instance = enAttenteDeLaValidationEtDeLaCollectivite();

    runtimeService().correlateMessage("InscriptionValidee", CLE, Map.of("dateValidation", "2026-03-03"));

    assertThat(instance).hasPassed("Msg_InscriptionValidee", "Gw_ValidationEnregistree")
        .isWaitingAt("Tache_DemanderContributionCollectivite").variables()
        .containsEntry("dateValidation", "2026-03-03").containsEntry("statutDossier", "VALIDATION");
    assertThat(taskQuery().taskDefinitionKey("Tache_ConstaterValidation").count()).isZero();
    assertThat(jobQuery().singleResult()).as("neither the reminder nor the last day: the élu has validated; "
        + "the collectivity has until the training starts").satisfies(j -> assertThat(j.getDuedate())
        .isEqualTo(paris("2026-03-18T00:00")));
    assertThat(instance).hasNotPassed("Fin_AttenteValidation");

    maintenant("2026-03-10T10:00");   // after the élu's last day: the answer is still recorded
    complete(tache("Tache_DemanderContributionCollectivite"), Map.of("reponseCollectivite", "NON"));
    assertThat(instance).hasPassed("Envoi_ReponseCollectivite", "Gw_DeuxReponses", "Fin_AttenteValidation").variables()
        .extracting(v -> ((Map<?, ?>) v.get("repartition")).get("resteAChargeElu")).isEqualTo("500.00");
    formationCommencee(instance);
    assertThat(beans.modeles()).containsExactly("DEMANDE_COLLECTIVITE", "REPARTITION_VALIDATION", "REPONSE_COLLECTIVITE");
  }

  /**
   * The élu has validated and the collectivity never answers: on the first day of the training its
   * share is 0 €, the élu is told what remains, and the dossier goes on to the training.
   */
  @Test
  void sansReponseDeLaCollectiviteAuDebutDeLaFormationSaPartEstZero() {
    ProcessInstance instance = enAttenteDeLaValidationEtDeLaCollectivite();
    runtimeService().correlateMessage("InscriptionValidee", CLE, Map.of("dateValidation", "2026-03-03"));
    Job attente = jobQuery().activityId("Timer_SansReponseCollectivite").singleResult();
    assertThat(attente.getDuedate()).isEqualTo(paris("2026-03-18T00:00"));

    maintenant("2026-03-18T00:00");
    execute(attente);

    assertThat(instance).hasPassed("Timer_SansReponseCollectivite", "Envoi_ReponseCollectivite", "Fin_AttenteValidation")
        .variables().containsEntry("partCollectivite",
            "Saint-Jean-de-Braye n'a pas répondu à la demande de contribution avant le début de la formation : "
                + "sa part est comptée à 0 €")
        .containsEntry("repartition", Map.of("coutFormation", "1200.00", "priseEnChargeDife", "700.00",
            "contributionCollectivite", "0.00", "plafondCollectivite", "500.00", "resteAChargeElu", "500.00"))
        .hasEntrySatisfying("demandeCollectivite", d -> assertThat((String) d)
            .endsWith("sans réponse au début de la formation, le 18/03/2026"));
    assertThat(taskQuery().taskDefinitionKey("Tache_DemanderContributionCollectivite").count()).isZero();
    assertThat(beans.modeles()).containsExactly("DEMANDE_COLLECTIVITE", "REPARTITION_VALIDATION", "REPONSE_COLLECTIVITE");
  }

  /** Without the collectivity's email address, the letter is printed: the conseiller says when it was posted. */
  @Test
  void sansAdresseLaDemandeEstUnCourrierPosteParLeConseiller() {
    ProcessInstance instance = demarrer("700.00");
    Map<String, Object> sansAdresse = choix("2026-03-18", "1200");
    sansAdresse.put("emailCollectivite", "");
    complete(task(), sansAdresse);
    assertThat(instance).hasPassed("Envoi_DemandeCollectivite").variables().containsEntry("emailCollectivite", null);
    // what the send task leaves when it has no address (see EnvoyerCourrielDelegate)
    runtimeService().setVariable(instance.getId(), "courrierCollectivite", "Objet : contribution de la collectivité demandée");
    inscrire(instance);
    proposition("2026-03-02", "2026-03-18", "1200.00");
    execute(job());

    assertThatThrownBy(() -> complete(tache("Tache_DemanderContributionCollectivite"), Map.of("reponseCollectivite", "NON")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dateEnvoiCourrierCollectivite");
    complete(tache("Tache_DemanderContributionCollectivite"),
        Map.of("reponseCollectivite", "NON", "dateEnvoiCourrierCollectivite", "2026-02-20"));
    assertThat(instance).variables().containsEntry("demandeCollectivite", "courrier posté le 20/02/2026")
        .containsEntry("dateEnvoiCourrierCollectivite", "2026-02-20");
  }

  @Test
  void dixJoursOuvresSeulementAvecUnFerieEntreLesDeux() {
    ProcessInstance instance = demarrer("700.00");
    maintenant("2026-04-20T10:00");
    choisir("2026-05-20", "500");
    inscrire(instance);

    proposition("2026-04-30", "2026-05-20", "500.00");   // 1, 8 and 14 May between

    assertThat(instance).variables().containsEntry("joursOuvresInscription", 10).containsEntry("delaiTenu", false);
    execute(job());
    assertThat(instance).isWaitingAt("Tache_DecisionDelaiNonTenu");
    complete(task(), Map.of("decisionDelai", "AUTRE_SESSION"));
    assertThat(instance).isWaitingAt("Tache_ChoisirFormation");
    choisir("2026-06-22", "500");
    inscrire(instance);
    proposition("2026-05-21", "2026-06-22", "500.00");
    assertThat(instance).variables().containsEntry("delaiTenu", true).containsEntry("resteAPayer", false);
    assertThat(instance).isWaitingAt("Envoi_Repartition").hasNotPassed("Tache_DemanderContributionCollectivite");
    assertThat(beans.modeles()).containsExactly("DELAI_NON_TENU");
  }

  @Test
  void delaiNonTenuLeConseillerCloture() {
    ProcessInstance instance = demarrer("700.00");
    choisir("2026-03-05", "500");
    assertThat(instance).variables().extracting(v -> v.get("alerteDelaiInscription")).asString().startsWith("ATTENTION");
    inscrire(instance);
    proposition("2026-02-23", "2026-03-05", "500.00");
    execute(job());
    complete(task(), Map.of("decisionDelai", "CLORE"));

    assertThat(instance).isEnded().hasPassed("Fin_DelaiNonTenu");
  }

  @Test
  void echecFranceConnectEscaladeSansInscriptionPossiblePendantCeTemps() {
    ProcessInstance instance = demarrer("700.00");
    choisir("2026-04-15", "500");
    assertThatThrownBy(() -> complete(task(), Map.of("issueInscription", "ECHEC_FRANCECONNECT")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("descriptionErreur");
    complete(task(), Map.of("issueInscription", "ECHEC_FRANCECONNECT", "descriptionErreur", "Erreur 500 sur MCF"));

    assertThat(instance).isWaitingAt("Appel_EscaladeFranceConnect");
    assertThat(taskQuery().taskDefinitionKey("Tache_InscrireSurMcf").count()).isZero();
    ProcessInstance escalade = calledProcessInstance("dife-escalade-cdc");
    assertThat(escalade).variables().containsEntry("motifEscalade", "ECHEC_FRANCECONNECT");
    execute(job(escalade));
    execute(job(escalade));
    complete(task(escalade), Map.of("piecesIdentiteCdc", List.of("PIECE_IDENTITE_RECTO_VERSO", "CARTE_VITALE_OU_NIR",
        "CAPTURE_ERREUR", "EXPLICATION_PROBLEME"), "dateEnvoiPiecesCdc", "2026-02-20", "expediteurPiecesCdc", "ELU"));
    maintenant("2026-04-01T10:00");   // the CDC took its time
    runtimeService().createMessageCorrelation("ReponseCdc").processInstanceBusinessKey(CLE)
        .setVariable("reponseCdcResolue", true).setVariable("piecesDemandeesCdc", List.of()).correlate();

    assertThat(instance).isWaitingAt("Tache_InscrireSurMcf").variables().containsEntry("alerteDelaiInscription",
        "ATTENTION : pour tenir les 11 jours ouvrés, l'organisme aurait dû accepter au plus tard le 29/03/2026 ; "
            + "le DIFE ne pourra pas être mobilisé sur cette session.");
  }

  /**
   * An escalation pauses the registration for six weeks: the organisme's answer, the
   * 11 working days, the élu's last day to validate and its reminder all count from
   * the dates after the pause, none from the choice.
   */
  @Test
  void apresLaPauseDUneEscaladeLesEcheancesPartentDeLaReprise() {
    ProcessInstance instance = demarrer("2000.00");
    choisir("2026-05-11", "500");
    complete(task(), Map.of("issueInscription", "ECHEC_FRANCECONNECT", "descriptionErreur", "Erreur 500 sur MCF"));
    ProcessInstance escalade = calledProcessInstance("dife-escalade-cdc");
    execute(job(escalade));
    execute(job(escalade));
    complete(task(escalade), Map.of("piecesIdentiteCdc", List.of("PIECE_IDENTITE_RECTO_VERSO", "CARTE_VITALE_OU_NIR",
        "CAPTURE_ERREUR", "EXPLICATION_PROBLEME"), "dateEnvoiPiecesCdc", "2026-02-20", "expediteurPiecesCdc", "ELU"));
    maintenant("2026-04-01T10:00");
    runtimeService().createMessageCorrelation("ReponseCdc").processInstanceBusinessKey(CLE)
        .setVariable("reponseCdcResolue", true).setVariable("piecesDemandeesCdc", List.of()).correlate();

    assertThat(instance).isWaitingAt("Tache_InscrireSurMcf").variables().containsEntry("alerteDelaiInscription",
        "L'organisme doit accepter la demande au plus tard le 21/04/2026 pour tenir les 11 jours ouvrés.");
    complete(task(), Map.of("issueInscription", "DOSSIER_ENVOYE"));
    assertThat(job().getDuedate()).as("the organisme's 2 working days from the resumption")
        .isEqualTo(paris("2026-04-03T10:00"));
    maintenant("2026-04-02T10:00");
    proposition("2026-04-02", "2026-05-11", "500.00");

    // 3, 7 to 30 April and 4 to 7 May (Easter Monday, 1 and 8 May out)
    assertThat(instance).variables().containsEntry("joursOuvresInscription", 23).containsEntry("delaiTenu", true)
        .containsEntry("dateLimiteValidation", "2026-04-09");   // Easter Monday out
    execute(job());
    assertThat(jobQuery().activityId("Timer_RappelValidation").singleResult().getDuedate())
        .isEqualTo(paris("2026-04-08T09:00"));
    assertThat(jobQuery().activityId("Timer_DelaiValidation").singleResult().getDuedate())
        .isEqualTo(paris("2026-04-10T00:00"));
  }

  @Test
  void enAlsaceMoselleLaDateLimiteDAcceptationCompteLeVendrediSaint() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-inscription-formation", CLE,
        Elus.avec("collectiviteCodeInsee", "57463", "collectiviteNom", "Metz"));
    assertThat(instance).isWaitingAt("Tache_ChoisirFormation");
    choisir("2026-04-14", "500");

    // 2026-03-26 would leave 10 working days only in Moselle (Good Friday, 3 April)
    assertThat(instance).variables().containsEntry("alerteDelaiInscription",
        "L'organisme doit accepter la demande au plus tard le 25/03/2026 pour tenir les 11 jours ouvrés.");
  }

  @Test
  void lOrganismeNeRepondPasRelancePuisPropositionEnregistreeParLeConseiller() {
    ProcessInstance instance = demarrer("1500.00");
    choisir("2026-04-15", "900");
    inscrire(instance);
    maintenant("2026-02-24T10:00");
    execute(job());
    complete(task(), Map.of("issueRelanceOrganisme", "ATTENDRE"));
    assertThat(instance).isWaitingAt("Timer_ReponseOrganisme");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-02-26T10:00"));
    execute(job());
    Map<String, Object> futureEtHostile = Map.of("issueRelanceOrganisme", "PROPOSITION_RECUE",
        "dateAcceptation", "2026-02-27", "dateDebutFormation", "+10000-04-15", "dateFinFormation", "2026-04-16",
        "coutFormation", "1e300000", "codeInseeLieuFormation", "75056");
    assertThatThrownBy(() -> complete(task(), futureEtHostile)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Le champ « dateAcceptation » ne peut pas être une date dans le futur.")
        .hasMessageContaining("Le champ « dateDebutFormation » doit être une date au format AAAA-MM-JJ.")
        .hasMessageContaining("Le champ « coutFormation » ne peut pas dépasser 9999999.99 €");
    complete(task(), Map.of("issueRelanceOrganisme", "PROPOSITION_RECUE", "dateAcceptation", "2026-02-24",
        "dateDebutFormation", "2026-04-15", "dateFinFormation", "2026-04-16", "coutFormation", "950",
        "codeInseeLieuFormation", "75056"));

    assertThat(instance).hasPassed("Fin_PropositionEnregistree").isWaitingAt("Envoi_Repartition")
        .variables().containsEntry("coutFormation", "950.00").containsEntry("resteAPayer", false);
  }

  /** The chosen session goes through the rule of the proposal: same words, same bounds. */
  @Test
  void laSessionChoisieSuitLaRegleDeLaProposition() {
    demarrer("700.00");
    Map<String, Object> choix = new java.util.HashMap<>(Map.of("moyenRecherche", "DROITS_MANDAT",
        "organismeFormation", "Institut des élus", "intituleFormation", "Finances locales",
        "dateDebutFormation", "2026-02-19", "dateFinFormation", "9999-12-31", "coutFormation", "-5",
        "codeInseeLieuFormation", "4523"));
    assertThatThrownBy(() -> complete(task(), choix)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Le champ « dateDebutFormation » ne peut pas être une date passée : la session a déjà commencé.")
        .hasMessageContaining("Le champ « dateFinFormation » doit être une date entre 1900-01-01 et 2100-12-31.")
        .hasMessageContaining("Le champ « coutFormation » ne peut pas être négatif.")
        .hasMessageContaining("Le champ « codeInseeLieuFormation » doit être un code commune INSEE");
    choix.putAll(Map.of("dateDebutFormation", "2026-04-15", "dateFinFormation", "2026-04-14", "coutFormation", "900",
        "codeInseeLieuFormation", "45234"));
    assertThatThrownBy(() -> complete(task(), choix))
        .hasMessageContaining("Le champ « dateFinFormation » ne peut pas précéder la date de début.");
  }

  @Test
  void demandeCaduqueRetourAuChoix() {
    ProcessInstance instance = demarrer("700.00");
    choisir("2026-04-15", "500");
    inscrire(instance);
    execute(job());
    complete(task(), Map.of("issueRelanceOrganisme", "DEMANDE_CADUQUE"));

    assertThat(instance).hasPassed("Fin_DemandeCaduque", "Erreur_ChoisirAutreFormation").isWaitingAt("Tache_ChoisirFormation");
  }

  /** Not confirmed by the élu on its last day: the conseiller decides, the reminder having gone. */
  private ProcessInstance sansValidationDansLeDelai() {
    ProcessInstance instance = enAttenteDeLaValidationEtDeLaCollectivite();
    complete(tache("Tache_DemanderContributionCollectivite"), Map.of("reponseCollectivite", "NON"));
    assertThat(instance).variables().extracting(v -> ((Map<?, ?>) v.get("repartition")).get("resteAChargeElu"))
        .isEqualTo("500.00");
    maintenant("2026-03-05T09:00");
    execute(jobQuery().activityId("Timer_RappelValidation").singleResult());
    execute(jobQuery().activityId("Envoi_RappelValidation").singleResult());

    maintenant("2026-03-07T00:00");
    execute(jobQuery().activityId("Timer_DelaiValidation").singleResult());

    assertThat(instance).hasPassed("Fin_ValidationManquee", "Erreur_DelaiValidationPasse")
        .isWaitingAt("Tache_DeciderValidationManquee");
    assertThat(task()).hasCandidateGroup("conseillers");
    assertThat(task().getDescription()).contains("au plus tard le 2026-03-06");
    assertThat(taskQuery().taskDefinitionKey("Tache_ConstaterValidation").count()).isZero();
    assertThat(jobQuery().count()).as("no timer left behind").isZero();
    return instance;
  }

  @Test
  void sansValidationDansLeDelaiLeConseillerClotLeDossierIncomplet() {
    ProcessInstance instance = sansValidationDansLeDelai();
    assertThatThrownBy(() -> complete(task(), Map.of("decisionCloture", "CLORE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("motifCloture");
    complete(task(), Map.of("decisionCloture", "CLORE", "motifCloture", "L'élu n'a pas confirmé à temps."));

    assertThat(instance).isWaitingAt("Envoi_DossierIncomplet");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Fin_DossierIncomplet");
    assertThat(beans.courriels).last().satisfies(c -> {
      assertThat(c.modele()).isEqualTo("DOSSIER_INCOMPLET");
      assertThat(c.destinataire()).isEqualTo("ELU_ET_ASSOCIATION");
    });
    assertThat(beans.modeles()).containsExactly("DEMANDE_COLLECTIVITE", "REPARTITION_VALIDATION", "REPONSE_COLLECTIVITE",
        "RAPPEL_VALIDATION", "DOSSIER_INCOMPLET");
  }

  @Test
  void sansValidationDansLeDelaiLeConseillerFaitUneNouvelleDemande() {
    ProcessInstance instance = sansValidationDansLeDelai();
    complete(task(), Map.of("decisionCloture", "RELANCER"));

    assertThat(instance).hasPassed("Gw_DecisionValidationManquee").isWaitingAt("Tache_ChoisirFormation")
        .variables().containsEntry("statutDossier", "CHOIX_FORMATION");
    choisir("2026-04-15", "1200");
    inscrire(instance);
    maintenant("2026-03-09T10:00");
    proposition("2026-03-09", "2026-04-15", "1200.00");
    assertThat(instance).variables().containsEntry("dateLimiteValidation", "2026-03-13");
  }

  /** A dossier of Metz (Moselle) waiting for the élu's validation of a proposal accepted on that day. */
  private ProcessInstance enMoselleAcceptee(String acceptation, String debut) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("dife-inscription-formation", CLE,
        Elus.avec("collectiviteCodeInsee", "57463", "collectiviteNom", "Metz", "droitsDife", "2000.00"));
    assertThat(instance).isWaitingAt("Tache_ChoisirFormation");
    maintenant(acceptation + "T09:00");
    choisir(debut, "500");
    inscrire(instance);
    proposition(acceptation, debut, "500.00");
    execute(job());
    assertThat(instance).isWaitingAt("Tache_ConstaterValidation").variables().containsEntry("departementDelais", "57");
    return instance;
  }

  /** In Moselle, 26 December is neither a working day for the élu nor a day for the reminder. */
  @Test
  void enAlsaceMoselleLeRappelSauteLaSaintEtienne() {
    ProcessInstance instance = enMoselleAcceptee("2028-12-19", "2029-01-22");

    assertThat(instance).variables().containsEntry("dateLimiteValidation", "2028-12-27");
    assertThat(jobQuery().activityId("Timer_RappelValidation").singleResult().getDuedate())
        .isEqualTo(paris("2028-12-22T09:00"));
  }

  /** In Moselle, Good Friday is not a working day for the élu's 4 days either. */
  @Test
  void enAlsaceMoselleLeDernierJourPourValiderSauteLeVendrediSaint() {
    ProcessInstance instance = enMoselleAcceptee("2026-03-31", "2026-04-27");

    assertThat(instance).variables().containsEntry("dateLimiteValidation", "2026-04-08");
    assertThat(jobQuery().activityId("Timer_DelaiValidation").singleResult().getDuedate())
        .isEqualTo(paris("2026-04-09T00:00"));
    assertThat(jobQuery().activityId("Timer_RappelValidation").singleResult().getDuedate())
        .isEqualTo(paris("2026-04-07T09:00"));
  }

  @Test
  void leConseillerConstateLaValidation() {
    ProcessInstance instance = demarrer("2000.00");
    choisir("2026-03-18", "1200");
    inscrire(instance);
    proposition("2026-03-02", "2026-03-18", "1200.00");
    execute(job());
    complete(taskQuery().taskDefinitionKey("Tache_ConstaterValidation").singleResult(), Map.of("dateValidation", "2026-02-20"));

    assertThat(instance).hasPassed("Gw_ValidationEnregistree", "Gw_ContributionEnregistree",
        "Fin_AttenteValidation").hasNotPassed("Tache_DemanderContributionCollectivite");
    formationCommencee(instance);
  }

  /** Validated: the dossier stays in VALIDATION until the first day of the training. */
  private static void formationCommencee(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("Timer_DebutFormationValidee").variables().containsEntry("statutDossier", "VALIDATION");
    assertThat(job().getDuedate()).isEqualTo(paris("2026-03-18T00:00"));
    maintenant("2026-03-18T00:00");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Fin_FormationCommencee", "Fin_InscriptionValidee");
  }

  private ProcessInstance valideePuis(String message, Map<String, Object> donnees) {
    ProcessInstance instance = demarrer("2000.00");
    choisir("2026-03-18", "1200");
    inscrire(instance);
    proposition("2026-03-02", "2026-03-18", "1200.00");
    execute(job());
    runtimeService().correlateMessage("InscriptionValidee", CLE, Map.of("dateValidation", "2026-03-03"));
    runtimeService().correlateMessage(message, CLE, donnees);
    assertThat(instance).isWaitingAt("Tache_DeciderFormationChangee");
    assertThat(task()).hasCandidateGroup("conseillers");
    return instance;
  }

  @Test
  void uneFormationDeplaceeApresLaValidationRevientAuChoixAvecSesNouvellesDates() {
    ProcessInstance instance = valideePuis("FormationDeplacee", Map.of("dateDebutFormation", "2026-05-11",
        "dateFinFormation", "2026-05-12", "changementFormation", "déplacée du 11/05/2026 au 12/05/2026, annoncé par l'élu"));
    assertThat(task().getDescription()).contains("déplacée du 11/05/2026 au 12/05/2026");
    complete(task(), Map.of("decisionCloture", "RELANCER"));

    assertThat(instance).isWaitingAt("Tache_ChoisirFormation").variables()
        .containsEntry("statutDossier", "CHOIX_FORMATION").containsEntry("dateDebutFormation", "2026-05-11");
    choisir("2026-05-11", "1200");
    assertThat(instance).variables().containsEntry("alerteDelaiInscription",
        "L'organisme doit accepter la demande au plus tard le 21/04/2026 pour tenir les 11 jours ouvrés.");
    assertThat(task().getDueDate()).as("registration due again, from the new start")
        .isAfter(paris("2026-04-01T00:00")).isBefore(paris("2026-05-11T00:00"));
  }

  @Test
  void uneFormationAnnuleeApresLaValidationPeutClore() {
    ProcessInstance instance = valideePuis("FormationAnnulee",
        Map.of("changementFormation", "annulée, annoncé par l'organisme : faute d'inscrits"));
    complete(task(), Map.of("decisionCloture", "CLORE", "motifCloture", "Session annulée, aucune autre avant l'été."));

    assertThat(instance).isEnded().hasPassed("Msg_FormationAnnulee", "Fin_FormationAnnulee");
  }
}
