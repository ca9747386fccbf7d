package fr.elus.dife.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.EnParallele;
import fr.elus.dife.regles.CalendrierOuvre;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Two writes to one dossier at the same moment: the later one is a 409 with a
 * French message, never a 500, and the dossier stays consistent. A write that waits
 * longer than the database allows is a 503 to retry, with nothing written.
 */
@ApplicationDemarree
class ConflitsTest {

  private static final Logger LOG = LoggerFactory.getLogger(ConflitsTest.class);
  private static final int TOURS = 5;

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private String tache(String reference, String definition) {
    return Attente.tache(taskService, reference, definition);
  }

  private static Map<String, Object> variables(Map<String, Object> valeurs) {
    Map<String, Object> variables = new java.util.HashMap<>();
    valeurs.forEach((cle, valeur) -> variables.put(cle, Map.of("value", valeur)));
    return Map.of("variables", variables);
  }

  @Test
  void deuxUtilisateursSurUneTacheLeSecondA409() throws Exception {
    for (int tour = 0; tour < TOURS; tour++) {
      String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
          .get("reference").asText();
      String chemin = "/engine-rest/task/" + tache(reference, "Tache_CreerCompteFormation") + "/complete";
      Map<String, Object> corps = variables(Map.of("modeCreationCompte", "FRANCECONNECT",
          "dateCreationCompte", LocalDate.now(CalendrierOuvre.FUSEAU).toString()));
      List<Callable<Reponse>> deux = List.of(() -> http.post("conseiller45", chemin, corps),
          () -> http.post("superviseur45", chemin, corps));
      List<Reponse> reponses = EnParallele.executer(deux);
      List<Integer> statuts = reponses.stream().map(Reponse::statut).sorted().toList();
      assertThat(statuts).as(reponses.stream().map(r -> r.brute().body()).toList().toString())
          .containsExactly(204, 409);
      Reponse conflit = reponses.stream().filter(r -> r.statut() == 409).findFirst().orElseThrow();
      assertThat(conflit.corps().get("message").asText()).contains("rien n'a été enregistré");
      // a late repeat, well after the first: still a conflict, not a 404 nor a 500
      assertThat(http.post("conseiller45", chemin, corps).statut()).isEqualTo(409);
    }
  }

  @Test
  void unAbandonQuiCroiseUnEvenementNeDonneJamais500() throws Exception {
    int abandons = 0;
    int evenements = 0;
    for (int tour = 0; tour < TOURS; tour++) {
      String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(true)).corps()
          .get("reference").asText();
      Reponse enLigne = http.post("conseiller45", "/engine-rest/task/" + tache(reference, "Tache_AccompagnerEnLigne")
          + "/complete", variables(Map.of("compteLaPoste", "CREE", "informationsIdentiteSaisies", true,
          "modeVerification", "AR24")));
      assertThat(enLigne.statut()).as(enLigne.brute().body()).isEqualTo(204);
      // the event must be awaited, so that both really write to the dossier at once
      Attente.jusqua("l'attente de l'AR24", () -> runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(reference).list().stream().anyMatch(i -> runtimeService
              .createEventSubscriptionQuery().processInstanceId(i.getId()).eventName("Ar24Valide").count() == 1));
      String dossier = "/api/dossiers/" + reference;
      List<Callable<Reponse>> croises = List.of(
          () -> http.post("conseiller45", dossier + "/evenements", Map.of("idEvenement", "croise-" + reference,
              "type", "AR24_VALIDE", "date", LocalDate.now(CalendrierOuvre.FUSEAU).toString())),
          () -> http.post("superviseur45", dossier + "/abandon", Map.of("motif", "Abandon croisé")));
      List<Reponse> reponses = EnParallele.executer(croises);
      for (Reponse reponse : reponses) {
        assertThat(reponse.statut()).as(reponse.brute().body()).isIn(202, 409);
        assertThat(reponse.corps().get("message").asText()).isNotBlank();
      }
      evenements += reponses.get(0).statut() == 202 ? 1 : 0;
      abandons += reponses.get(1).statut() == 202 ? 1 : 0;
      String statut = http.get("conseiller45", dossier).corps().get("statutDossier").asText();
      if (reponses.get(1).statut() == 202) {
        assertThat(statut).isEqualTo("CLOS_ABANDON");
      } else {
        // refused: asked again (the dossier's own jobs may still be writing), the abandon goes through
        Attente.jusqua("l'abandon redemandé", () -> http.post("conseiller45", dossier + "/abandon",
            Map.of("motif", "Nouvel essai")).statut() == 202);
      }
    }
    LOG.info("Abandons croisant un événement : {} tours, {} abandons et {} événements acceptés du premier coup",
        TOURS, abandons, evenements);
  }

  @Test
  void uneEcritureQuiAttendTropLongtempsA503EtRienNEstEcrit() throws Exception {
    String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
        .get("reference").asText();
    String tache = tache(reference, "Tache_CreerCompteFormation");
    String chemin = "/engine-rest/task/" + tache + "/complete";
    Map<String, Object> corps = variables(Map.of("modeCreationCompte", "FRANCECONNECT",
        "dateCreationCompte", LocalDate.now(CalendrierOuvre.FUSEAU).toString()));
    Long dossiersAvant = jdbc.queryForObject("select count(*) from dife_dossier", Long.class);
    // another transaction holds the rows these two writes need, past the database's lock
    // timeout (LOCK_TIMEOUT, 10 s): on the pool behind H2's single-writer guard, which
    // would otherwise make the two writes wait for this transaction's end instead
    DataSource pool = dataSource instanceof DelegatingDataSource garde ? garde.getTargetDataSource() : dataSource;
    Reponse ouverture;
    Reponse completion;
    try (Connection autre = pool.getConnection()) {
      autre.setAutoCommit(false);
      verrouiller(autre, "select annee from dife_compteur_reference for update");
      verrouiller(autre, "select ID_ from ACT_RU_TASK where ID_ = '" + tache + "' for update");
      ouverture = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false));
      completion = http.post("conseiller45", chemin, corps);
      autre.rollback();
    }
    for (Reponse occupee : List.of(ouverture, completion)) {
      assertThat(occupee.statut()).as(occupee.brute().body()).isEqualTo(503);
      assertThat(occupee.entete("Retry-After")).isEqualTo("5");
      assertThat(occupee.corps().get("message").asText()).contains("occupée").contains("rien n'a été enregistré");
    }
    assertThat(jdbc.queryForObject("select count(*) from dife_dossier", Long.class)).isEqualTo(dossiersAvant);
    assertThat(taskService.createTaskQuery().taskId(tache).count()).as("la tâche reste à faire").isEqualTo(1);
    // the same requests again, once the other transaction has ended
    assertThat(http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).statut()).isEqualTo(201);
    assertThat(http.post("conseiller45", chemin, corps).statut()).isEqualTo(204);
  }

  private static void verrouiller(Connection connexion, String sql) throws Exception {
    try (PreparedStatement instruction = connexion.prepareStatement(sql); ResultSet lignes = instruction.executeQuery()) {
      assertThat(lignes.next()).as(sql).isTrue();
    }
  }
}
