package fr.elus.dife.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.parcours.CourrielsRecus;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server that accepts connections and never says a word: openings and the
 * other jobs go on at their usual pace, the outage shows in the health group
 * "courriel" while the main health stays UP, and once the server is back the
 * waiting emails leave, each once.
 */
@ApplicationDemarree
class ServeurSmtpMuetTest {

  private static final Logger LOG = LoggerFactory.getLogger(ServeurSmtpMuetTest.class);
  private static final int MESURES = 8;

  @LocalServerPort
  int port;
  @Autowired
  JavaMailSenderImpl smtp;
  @Autowired
  GreenMail greenMail;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  /** Opens a dossier without MCF account; returns {answer time, time until its first task exists}, in ms. */
  private long[] ouvrirEtAttendreLaPremiereTache(ClientHttp http) {
    long debut = System.nanoTime();
    Reponse reponse = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false));
    long reponduEn = (System.nanoTime() - debut) / 1_000_000;
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(201);
    String reference = reponse.corps().get("reference").asText();
    Attente.jusqua("la première tâche de " + reference, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey("Tache_CreerCompteFormation").count() == 1);
    return new long[] {reponduEn, (System.nanoTime() - debut) / 1_000_000};
  }

  private List<long[]> mesurer(ClientHttp http) {
    List<long[]> mesures = new ArrayList<>();
    for (int i = 0; i < MESURES; i++) {
      mesures.add(ouvrirEtAttendreLaPremiereTache(http));
    }
    return mesures;
  }

  private static long mediane(List<long[]> mesures, int colonne) {
    long[] valeurs = mesures.stream().mapToLong(m -> m[colonne]).sorted().toArray();
    return valeurs[valeurs.length / 2];
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void unServeurQuiNeRepondJamaisNeRalentitNiLesOuverturesNiLesAutresJobs() throws Exception {
    ClientHttp http = new ClientHttp(port);
    mesurer(http); // warm-up
    List<long[]> avant = mesurer(http);

    List<Socket> connexionsMuettes = new CopyOnWriteArrayList<>();
    int portNormal = smtp.getPort();
    try (ServerSocket muet = new ServerSocket(0)) {
      Thread accepteur = new Thread(() -> {
        try {
          while (true) {
            connexionsMuettes.add(muet.accept());
          }
        } catch (IOException fermeture) {
          // the test is over
        }
      }, "smtp-muet");
      accepteur.setDaemon(true);
      accepteur.start();
      smtp.setPort(muet.getLocalPort());

      // six dossiers whose first step is an email, all stuck on the silent server
      List<String> elusEnAttente = new ArrayList<>();
      List<String> dossiersEnAttente = new ArrayList<>();
      long debutPanne = System.nanoTime();
      for (int i = 0; i < 6; i++) {
        var demande = DossiersDeTest.demande(true);
        elusEnAttente.add(demande.get("elu").get("email").asText());
        Reponse ouvert = http.post("conseiller45", "/api/dossiers", demande);
        assertThat(ouvert.statut()).isEqualTo(201);
        dossiersEnAttente.add(ouvert.corps().get("reference").asText());
      }
      List<long[]> pendant = mesurer(http);
      Attente.jusqua("la panne SMTP visible", () -> http.get(null, "/actuator/health/courriel").statut() == 503);
      long panneVueEn = (System.nanoTime() - debutPanne) / 1_000_000;
      assertThat(http.get(null, "/actuator/health/courriel").corps().get("status").asText()).isEqualTo("PANNE");
      Reponse sante = http.get(null, "/actuator/health");
      assertThat(sante.statut()).isEqualTo(200);
      assertThat(sante.corps().get("status").asText()).isEqualTo("UP");
      List<long[]> apres = mesurer(http);

      LOG.info("SMTP muet : réponse médiane {} ms avant, {} ms pendant le blocage, {} ms disjoncteur ouvert ; "
              + "première tâche {} / {} / {} ms ; panne visible après {} ms ; {} connexions muettes",
          mediane(avant, 0), mediane(pendant, 0), mediane(apres, 0), mediane(avant, 1), mediane(pendant, 1),
          mediane(apres, 1), panneVueEn, connexionsMuettes.size());
      long plancher = 150; // below this, the machine's own noise decides
      // a stall would be the SMTP timeouts (10 s and more): unchanged within 2×, the log line above
      // gives the measured figures
      for (List<long[]> mesures : List.of(pendant, apres)) {
        assertThat(mediane(mesures, 0)).isLessThanOrEqualTo(2 * Math.max(plancher, mediane(avant, 0)));
        assertThat(mediane(mesures, 1)).isLessThanOrEqualTo(2 * Math.max(plancher, mediane(avant, 1)));
      }
      // at most envois-simultanes (1) job thread at a time was held by the silent server, and one probe after
      assertThat(connexionsMuettes).hasSizeLessThanOrEqualTo(1 + 1);

      // the server comes back; the failed sends are retried (here at once rather than in 10 minutes)
      smtp.setPort(portNormal);
      connexionsMuettes.forEach(ServeurSmtpMuetTest::fermer);
      Thread.sleep(2_100); // dife.mail.pause-apres-echec of the tests
      // the first retry probes the server; those that failed fast meanwhile come at their next retry
      int relances = 0;
      while (!elusEnAttente.stream().allMatch(email -> courrielsA(email).size() >= 1)) {
        assertThat(relances++).as("relances des envois").isLessThan(5);
        assertThat(relancerLesEnvoisEchoues(dossiersEnAttente)).isNotEmpty();
        long limite = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < limite && !elusEnAttente.stream().allMatch(email -> courrielsA(email).size() >= 1)) {
          Thread.sleep(100);
        }
      }
      Attente.jusqua("la fin de la panne", () -> http.get(null, "/actuator/health/courriel").statut() == 200);
      for (String email : elusEnAttente) {
        assertThat(courrielsA(email)).as("un seul envoi pour " + email).hasSize(1);
      }
    } finally {
      smtp.setPort(portNormal);
      connexionsMuettes.forEach(ServeurSmtpMuetTest::fermer);
    }
  }

  private Set<String> relancerLesEnvoisEchoues(List<String> references) {
    Set<String> ids = references.stream()
        .flatMap(r -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(r).list().stream())
        .flatMap(i -> managementService.createJobQuery().processInstanceId(i.getId()).withException().list().stream())
        .map(Job::getId).collect(Collectors.toSet());
    ids.forEach(id -> managementService.setJobDuedate(id, new Date()));
    return ids;
  }

  private List<String> courrielsA(String email) {
    return CourrielsRecus.a(greenMail, email, "").stream().map(ServeurSmtpMuetTest::messageId).toList();
  }

  private static void fermer(Socket connexion) {
    try {
      connexion.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
