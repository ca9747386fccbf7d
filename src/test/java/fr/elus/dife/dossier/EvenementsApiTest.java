package fr.elus.dife.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.securite.AssociationTenantIdProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * POST /api/dossiers/{reference}/evenements: 202 once, 200 for a repeat, 409 when
 * the dossier does not wait for it, 400 and 404. Until the identity stage exists,
 * the waiting side is a small process started for the dossier's business key, as
 * the called processes of the journey are.
 */
@ApplicationDemarree
class EvenementsApiTest {

  private static final String PROCESSUS_EN_ATTENTE = "essai-attente-ar24";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  TaskService taskService;
  @Autowired
  Clock horloge;

  ClientHttp http;
  String reference;

  @BeforeAll
  static void deployer(@Autowired RepositoryService repositoryService) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESSUS_EN_ATTENTE).count() == 0) {
      repositoryService.createDeployment().name("essai des événements")
          .addModelInstance(PROCESSUS_EN_ATTENTE + ".bpmn", Bpmn.createExecutableProcess(PROCESSUS_EN_ATTENTE)
              .camundaHistoryTimeToLive(1)
              .startEvent().receiveTask("Attente_Ar24").message("Ar24Valide").endEvent().done())
          .deploy();
    }
  }

  @BeforeEach
  void dossierAuCompteFormation() {
    http = new ClientHttp(port);
    reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps().get("reference").asText();
    Attente.jusqua("la tâche de création du compte",
        () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
  }

  private void attendreAr24() {
    AssociationTenantIdProvider.demarrerDans("aml45",
        () -> runtimeService.startProcessInstanceByKey(PROCESSUS_EN_ATTENTE, reference, Map.of("association", "aml45")));
  }

  private static Map<String, Object> evenement(String id, String type, Map<String, Object> donnees) {
    Map<String, Object> corps = new HashMap<>();
    corps.put("idEvenement", id);
    corps.put("type", type);
    corps.put("date", "2026-11-24T10:15:00+01:00");
    if (donnees != null) {
      corps.put("donnees", donnees);
    }
    return corps;
  }

  private Reponse envoyer(Map<String, Object> evenement) {
    return http.post("conseiller45", "/api/dossiers/" + reference + "/evenements", evenement);
  }

  private long attentesTerminees() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESSUS_EN_ATTENTE)
        .processInstanceBusinessKey(reference).completed().count();
  }

  @Test
  void unEvenementAttenduEstAppliqueUneSeuleFois() {
    attendreAr24();
    String id = "ar24-" + reference;

    Reponse premier = envoyer(evenement(id, "AR24_VALIDE", null));
    Reponse repetition = envoyer(evenement(id, "AR24_VALIDE", null));

    assertThat(premier.statut()).isEqualTo(202);
    assertThat(repetition.statut()).isEqualTo(200);
    assertThat(attentesTerminees()).isEqualTo(1);
    JsonNode historique = http.get("conseiller45", "/api/dossiers/" + reference).corps().get("historique");
    assertThat(historique.findValuesAsText("type").stream().filter("EVENEMENT"::equals)).hasSize(1);
    assertThat(historique.findValuesAsText("description")).anySatisfy(d -> assertThat(d).contains("AR24_VALIDE", id));

    attendreAr24();
    assertThat(envoyer(evenement(id, "AR24_VALIDE", null)).statut()).as("l'id déjà servi ne ressert pas").isEqualTo(200);
    assertThat(attentesTerminees()).isEqualTo(1);
  }

  @Test
  void unEvenementQueLeDossierNAttendPasDonne409EtNeLaisseRien() {
    String id = "courrier-" + reference;

    Reponse refuse = envoyer(evenement(id, "COURRIER_RECOMMANDE_RECU", null));

    assertThat(refuse.statut()).isEqualTo(409);
    assertThat(refuse.corps().get("message").asText()).contains("n'attend pas", "COURRIER_RECOMMANDE_RECU");
    assertThat(http.get("conseiller45", "/api/dossiers/" + reference).corps().get("historique")
        .findValuesAsText("type")).doesNotContain("EVENEMENT");
    attendreAr24();
    assertThat(envoyer(evenement(id, "AR24_VALIDE", null)).statut()).as("l'id refusé reste libre").isEqualTo(202);
  }

  @Test
  void unIdDejaServiPourUnAutreTypeDonne409() {
    attendreAr24();
    String id = "double-" + reference;
    assertThat(envoyer(evenement(id, "AR24_VALIDE", null)).statut()).isEqualTo(202);

    assertThat(envoyer(evenement(id, "VERIFICATION_FACE_A_FACE_FAITE", null)).statut()).isEqualTo(409);
  }

  @Test
  void unDossierInconnuOuDUneAutreAssociationDonne404() {
    Map<String, Object> corps = evenement("x-" + reference, "AR24_VALIDE", null);
    assertThat(http.post("conseiller45", "/api/dossiers/DIFE-1999-000001/evenements", corps).statut()).isEqualTo(404);
    assertThat(http.post("conseiller79", "/api/dossiers/" + reference + "/evenements", corps).statut()).isEqualTo(404);
  }

  @Test
  void unCorpsInvalideDonne400NommantLesChamps() {
    Map<String, Object> corps = new HashMap<>(Map.of("type", "AR24_PERDU", "date", "hier"));
    Reponse reponse = envoyer(corps);

    assertThat(reponse.statut()).isEqualTo(400);
    assertThat(reponse.corps().get("erreurs").findValuesAsText("champ"))
        .containsExactlyInAnyOrder("idEvenement", "type", "date");
    assertThat(envoyer(evenement("a b", "AR24_VALIDE", null)).corps().get("erreurs").findValuesAsText("champ"))
        .containsExactly("idEvenement");
  }

  @Test
  void lesDonneesDeChaqueTypeSontVerifiees() {
    assertThat(champsEnErreur(evenement("cdc-" + reference, "REPONSE_CDC", Map.of("piecesDemandees", "carte Vitale"))))
        .containsExactlyInAnyOrder("donnees.resolu", "donnees.piecesDemandees");
    LocalDate aujourdhui = LocalDate.now(horloge);
    assertThat(champsEnErreur(evenement("prop-" + reference, "PROPOSITION_ORGANISME", Map.of(
        "dateAcceptation", aujourdhui.minusDays(10).toString(), "dateDebut", aujourdhui.minusDays(11).toString(),
        "dateFin", aujourdhui.minusDays(12).toString(), "coutFormation", "1200.001", "codeInseeLieu", "7505"))))
        .containsExactlyInAnyOrder("donnees.dateDebut", "donnees.dateFin", "donnees.coutFormation", "donnees.codeInseeLieu");
    assertThat(champsEnErreur(evenement("val-" + reference, "INSCRIPTION_VALIDEE", Map.of())))
        .containsExactly("donnees.dateValidation");
    assertThat(champsEnErreur(evenement("cdc2-" + reference, "REPONSE_CDC", null))).containsExactly("donnees.resolu");
  }

  /** The rule of the proposal is the form's: an acceptance in the future is refused here too. */
  @Test
  void unePropositionAccepteeDansLeFuturOuDeTailleHostileEstRefusee() {
    LocalDate demain = LocalDate.now(horloge).plusDays(1);
    Reponse futur = envoyer(evenement("prop-futur-" + reference, "PROPOSITION_ORGANISME", Map.of(
        "dateAcceptation", demain.toString(), "dateDebut", demain.plusDays(20).toString(),
        "dateFin", demain.plusDays(21).toString(), "coutFormation", "1200.00", "codeInseeLieu", "75056")));
    assertThat(futur.statut()).isEqualTo(400);
    assertThat(futur.corps().get("erreurs").findValuesAsText("message"))
        .containsExactly("Le champ « donnees.dateAcceptation » ne peut pas être une date dans le futur.");

    long debut = System.nanoTime();
    assertThat(champsEnErreur(evenement("prop-hostile-" + reference, "PROPOSITION_ORGANISME", Map.of(
        "dateAcceptation", "-999999999-01-01", "dateDebut", "+999999999-12-31", "dateFin", "9999-12-31",
        "coutFormation", "1e300000", "codeInseeLieu", "75056"))))
        .containsExactlyInAnyOrder("donnees.dateAcceptation", "donnees.dateDebut", "donnees.dateFin",
            "donnees.coutFormation");
    Map<String, Object> ancien = new HashMap<>(evenement("date-" + reference, "AR24_VALIDE", null));
    ancien.put("date", "-999999999-01-01T00:00:00+01:00");
    assertThat(champsEnErreur(ancien)).containsExactly("date");
    assertThat((System.nanoTime() - debut) / 1_000_000).as("millisecondes").isLessThan(3000);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list())
        .allSatisfy(instance -> assertThat(runtimeService.getVariable(instance.getId(), "coutFormation")).isNull());
  }

  @Test
  void desDonneesValidesMaisInattenduesDonnent409() {
    Reponse reponse = envoyer(evenement("prop-ok-" + reference, "PROPOSITION_ORGANISME", Map.of(
        "dateAcceptation", "2026-12-01", "dateDebut", "2026-12-17", "dateFin", "2026-12-18",
        "coutFormation", "1200.00", "codeInseeLieu", "75056")));

    assertThat(reponse.statut()).isEqualTo(409);
  }

  private List<String> champsEnErreur(Map<String, Object> evenement) {
    Reponse reponse = envoyer(evenement);
    assertThat(reponse.statut()).isEqualTo(400);
    return reponse.corps().get("erreurs").findValuesAsText("champ");
  }
}
