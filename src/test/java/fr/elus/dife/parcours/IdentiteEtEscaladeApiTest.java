package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Part 1 of the journey as other systems and the conseiller drive it: REST API,
 * outside events, tasks completed over /engine-rest, and the emails as an SMTP
 * server receives them.
 */
@ApplicationDemarree
class IdentiteEtEscaladeApiTest {

  @LocalServerPort
  int port;
  @Autowired
  GreenMail smtp;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Value("${dife.cdc.email}")
  String adresseCdc;

  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private String tacheEnAttente(String reference, String definition) {
    return Attente.tache(taskService, reference, definition);
  }

  private void terminer(String tache, Map<String, Object> valeurs) {
    Map<String, Object> variables = new HashMap<>();
    valeurs.forEach((cle, valeur) -> variables.put(cle, Map.of("value", valeur)));
    Reponse reponse = http.post("conseiller45", "/engine-rest/task/" + tache + "/complete", Map.of("variables", variables));
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(204);
  }

  private Reponse evenement(String reference, String id, String type, Map<String, Object> donnees) {
    return http.post("conseiller45", "/api/dossiers/" + reference + "/evenements",
        Map.of("idEvenement", id, "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees));
  }

  private List<MimeMessage> courrielsA(String adresse, String motsDuSujet) {
    return CourrielsRecus.a(smtp, adresse, motsDuSujet);
  }

  private JsonNode dossier(String reference) {
    return http.get("conseiller45", "/api/dossiers/" + reference).corps();
  }

  @Test
  void identiteEnLigneParAr24PuisDroitsAbsentsEscaladesALaCdc() throws Exception {
    ObjectNode demande = DossiersDeTest.demande(true);
    String nom = demande.get("elu").get("nomNaissance").asText();
    String email = demande.get("elu").get("email").asText();
    String reference = http.post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();

    // Identité Numérique en ligne, vérification AR24
    terminer(tacheEnAttente(reference, "Tache_AccompagnerEnLigne"),
        Map.of("compteLaPoste", "CREE", "informationsIdentiteSaisies", true, "modeVerification", "AR24"));
    Attente.jusqua("l'attente de l'AR24", () -> runtimeService.createEventSubscriptionQuery().eventName("Ar24Valide")
        .list().stream().anyMatch(e -> runtimeService.createProcessInstanceQuery().processInstanceId(e.getProcessInstanceId())
            .processInstanceBusinessKey(reference).count() == 1));
    JsonNode enAttente = dossier(reference);
    assertThat(enAttente.get("statutDossier").asText()).isEqualTo("IDENTITE_NUMERIQUE");
    assertThat(enAttente.get("echeances").findValuesAsText("nom")).contains("Délai AR24 dépassé");
    assertThat(OffsetDateTime.parse(enAttente.get("echeances").get(0).get("date").asText()))
        .isBetween(OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plus(Duration.ofDays(4)));

    assertThat(evenement(reference, "ar24-" + reference, "AR24_VALIDE", Map.of()).statut()).isEqualTo(202);
    assertThat(evenement(reference, "ar24-" + reference, "AR24_VALIDE", Map.of()).statut()).isEqualTo(200);
    terminer(tacheEnAttente(reference, "Tache_ActiverApplication"),
        Map.of("applicationActivee", true, "dateActivation", LocalDate.now(CalendrierOuvre.FUSEAU).toString()));

    // droits élu absents : escalade à la CDC
    String verification = tacheEnAttente(reference, "Tache_VerifierDroitsElu");
    assertThat(dossier(reference).get("statutDossier").asText()).isEqualTo("VERIFICATION_DROITS");
    terminer(verification, Map.of("reponseDroitsVisibles", "NON"));
    Attente.jusqua("le courriel à la CDC", () -> courrielsA(adresseCdc, reference).size() == 1);

    MimeMessage cdc = courrielsA(adresseCdc, reference).get(0);
    assertThat(cdc.getSubject()).isEqualTo("Compte Élu absent sur Mon Compte Formation : Claire Anne " + nom
        + " (dossier " + reference + ")");
    assertThat(CourrielsRecus.texte(cdc)).contains(
        "Nom de naissance : " + nom, "Nom usuel et/ou marital : DURAND", "Prénom(s) : Claire Anne",
        "Date de naissance : 12/04/1971", "Lieu de naissance : Orléans",
        "Collectivité où s'exerce le mandat : Saint-Jean-de-Braye (code INSEE 45284)");
    Attente.jusqua("le courriel à l'élu", () -> courrielsA(email, "Caisse des Dépôts").size() == 1);
    assertThat(courrielsA(email, reference)).extracting(MimeMessage::getSubject).anySatisfy(
        s -> assertThat(s).contains("Identité Numérique La Poste à créer en ligne"));

    JsonNode escalade = dossier(reference);
    assertThat(escalade.get("statutDossier").asText()).isEqualTo("ESCALADE_CDC");
    assertThat(escalade.get("echeances").findValuesAsText("nom")).contains("Sans réponse après le délai de traitement");
    assertThat(OffsetDateTime.parse(escalade.get("echeances").get(0).get("date").asText()))
        .isBetween(OffsetDateTime.now().plusDays(13), OffsetDateTime.now().plusDays(15));
    assertThat(escalade.get("historique").findValuesAsText("type")).contains("COURRIEL", "EVENEMENT", "TACHE", "STATUT");
    assertThat(escalade.get("historique").findValuesAsText("description"))
        .anySatisfy(d -> assertThat(d).contains("Courriel « Compte Élu absent", adresseCdc));
    // the history keeps the email as it left: recipients, subject, body and Message-ID
    JsonNode courrielCdc = null;
    for (JsonNode fait : escalade.get("historique")) {
      if ("COURRIEL".equals(fait.get("type").asText()) && fait.get("sujet").asText().equals(cdc.getSubject())) {
        courrielCdc = fait;
      }
    }
    assertThat(courrielCdc).as("le courriel à la CDC dans l'historique").isNotNull();
    assertThat(courrielCdc.get("destinataires").get(0).asText()).isEqualTo(adresseCdc);
    assertThat(courrielCdc.get("corps").asText().replace("\r\n", " ").replace("\n", " "))
        .isEqualTo(CourrielsRecus.texte(cdc));
    assertThat(courrielCdc.get("messageId").asText()).isEqualTo(cdc.getMessageID()).matches("<job\\..+@.+>");
    assertThat(escalade.get("historique").get(0).has("corps")).as("seuls les courriels ont un corps").isFalse();

    // la réponse de la CDC, reçue deux fois
    Map<String, Object> resolu = Map.of("resolu", true, "piecesDemandees", List.of());
    assertThat(evenement(reference, "cdc-" + reference, "REPONSE_CDC", resolu).statut()).isEqualTo(202);
    assertThat(evenement(reference, "cdc-" + reference, "REPONSE_CDC", resolu).statut()).isEqualTo(200);
    assertThat(evenement(reference, "cdc-bis-" + reference, "REPONSE_CDC", resolu).statut()).isEqualTo(409);

    tacheEnAttente(reference, "Tache_VerifierDroitsElu");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dife-escalade-cdc")
        .processInstanceBusinessKey(reference).completed().count()).isEqualTo(1);
    assertThat(dossier(reference).get("statutDossier").asText()).isEqualTo("VERIFICATION_DROITS");
    assertThat(courrielsA(adresseCdc, reference)).hasSize(1);
    List<String> statuts = new ArrayList<>();
    dossier(reference).get("historique").forEach(fait -> {
      if (fait.get("type").asText().equals("STATUT")) {
        statuts.add(fait.get("description").asText().replace("Statut du dossier : ", ""));
      }
    });
    assertThat(statuts).containsExactly("OUVERT", "COMPTE_FORMATION", "IDENTITE_NUMERIQUE", "VERIFICATION_DROITS",
        "ESCALADE_CDC", "VERIFICATION_DROITS");
  }
}
