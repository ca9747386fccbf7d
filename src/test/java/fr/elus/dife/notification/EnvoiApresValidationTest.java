package fr.elus.dife.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.parcours.CourrielsRecus;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An email leaves after its step has committed, from a job of its own: an SMTP server
 * that refuses it leaves the dossier going on, the job retried 10 minutes apart and
 * then an incident on the send task; an operator's retry over /engine-rest sends it
 * once, under the Message-ID it was written with.
 */
@ApplicationDemarree
class EnvoiApresValidationTest {

  @LocalServerPort
  int port;
  @Autowired
  JavaMailSenderImpl smtp;
  @Autowired
  GreenMail greenMail;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  @Test
  void unCourrielRefuseParLeServeurDevientUnIncidentQuUnOperateurRelanceUneFois() throws Exception {
    ClientHttp http = new ClientHttp(port);
    int portNormal = smtp.getPort();
    int portFerme;
    try (ServerSocket libre = new ServerSocket(0)) {
      portFerme = libre.getLocalPort();
    }
    JsonNode demande = DossiersDeTest.demande(true);
    String email = demande.get("elu").get("email").asText();
    Job envoi;
    try {
      smtp.setPort(portFerme);
      Reponse ouvert = http.post("conseiller45", "/api/dossiers", demande);
      assertThat(ouvert.statut()).isEqualTo(201);
      String reference = ouvert.corps().get("reference").asText();

      Attente.jusqua("le premier échec de l'envoi", () -> envoiEnEchec(reference) != null);
      envoi = envoiEnEchec(reference);
      assertThat(envoi.getJobDefinitionId()).as("un job à lui, hors du processus").isNull();
      assertThat(envoi.getRetries()).isEqualTo(4);
      assertThat(envoi.getDuedate().toInstant()).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
          Instant.now().plus(Duration.ofMinutes(11)));
      // the step that wrote the email is committed: the dossier went on to its next wait
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
          .isGreaterThanOrEqualTo(2);

      int echecs = 1;
      while (managementService.createJobQuery().jobId(envoi.getId()).singleResult().getRetries() > 0) {
        try {
          managementService.executeJob(envoi.getId());
        } catch (RuntimeException refus) {
          echecs++;
        }
      }
      assertThat(echecs).as("dife.mail.essais").isEqualTo(5);
      Incident incident = runtimeService.createIncidentQuery().configuration(envoi.getId())
          .singleResult();
      assertThat(incident.getActivityId()).startsWith("Envoi_");
      assertThat(incident.getProcessInstanceId()).isNull();
      assertThat(incident.getProcessDefinitionId()).isEqualTo(envoi.getProcessDefinitionId());
      assertThat(courrielsA(email)).isEmpty();
      assertThat(courrielsDuDossier(http, reference)).isEmpty();

      // the server is back; the operator retries from Cockpit or /engine-rest
      smtp.setPort(portNormal);
      Thread.sleep(2_100); // dife.mail.pause-apres-echec of the tests: the next send probes the server
      assertThat(http.requete("admin", "PUT", "/engine-rest/job/" + envoi.getId() + "/retries",
          Map.of("retries", 1)).statut()).isEqualTo(204);
      assertThat(http.post("admin", "/engine-rest/job/" + envoi.getId() + "/execute", Map.of()).statut())
          .isEqualTo(204);

      List<MimeMessage> recus = courrielsA(email);
      assertThat(recus).hasSize(1);
      List<JsonNode> journal = courrielsDuDossier(http, reference);
      assertThat(journal).hasSize(1);
      assertThat(journal.get(0).get("messageId").asText()).isEqualTo(recus.get(0).getMessageID());
      assertThat(runtimeService.createIncidentQuery().configuration(envoi.getId()).count()).isZero();
      assertThat(http.post("admin", "/engine-rest/job/" + envoi.getId() + "/execute", Map.of()).statut())
          .as("un envoi fait ne se refait pas").isEqualTo(404);
      assertThat(courrielsA(email)).hasSize(1);
    } finally {
      smtp.setPort(portNormal);
    }
  }

  private Job envoiEnEchec(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
        .flatMap(i -> managementService.createJobQuery().processInstanceId(i.getId()).withException().list().stream())
        .findFirst().orElse(null);
  }

  private static List<JsonNode> courrielsDuDossier(ClientHttp http, String reference) {
    Reponse dossier = http.get("conseiller45", "/api/dossiers/" + reference);
    assertThat(dossier.statut()).isEqualTo(200);
    return StreamSupport.stream(dossier.corps().get("historique").spliterator(), false)
        .filter(fait -> "COURRIEL".equals(fait.get("type").asText())).toList();
  }

  private List<MimeMessage> courrielsA(String email) {
    return CourrielsRecus.a(greenMail, email, "");
  }
}
