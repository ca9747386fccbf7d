package fr.elus.dife.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DifeApplication;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.EnParallele;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The postgres profile against a real PostgreSQL server (started by .ci/run, which
 * exports DIFE_DB_URL, DIFE_DB_USER and DIFE_DB_PASSWORD).
 */
@SpringBootTest(classes = DifeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.mail.port=3925", "logging.file.name=target/test-logs/dife-postgres.log", "dife.demo.donnees=false"})
@ActiveProfiles({"demo", "postgres"})
class ParcoursSurPostgresIT {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeAll
  static void serveurFourni() {
    assertThat(System.getenv("DIFE_DB_URL"))
        .as("DIFE_DB_URL doit désigner une base PostgreSQL de test : lancez `bash .ci/run`, qui la prépare")
        .startsWith("jdbc:postgresql:");
  }

  @Test
  void lApplicationTourneSurPostgresql() throws Exception {
    try (var connexion = dataSource.getConnection()) {
      assertThat(connexion.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
    // the migrations only PostgreSQL has (IndexDuMoteur): the variables' partial indexes
    assertThat(jdbc.queryForObject("select count(*) from flyway_index_moteur where version = '13.6' and success",
        Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'act_idx_variable_task_id'",
        String.class)).contains("WHERE (task_id_ IS NOT NULL)");
  }

  @Test
  void unDossierSOuvreEtAvanceSurPostgresql() {
    ClientHttp http = new ClientHttp(port);
    ObjectNode demande = DossiersDeTest.demande(false);
    Reponse ouvert = http.post("conseiller45", "/api/dossiers", demande);
    assertThat(ouvert.statut()).isEqualTo(201);
    String reference = ouvert.corps().get("reference").asText();
    assertThat(http.post("conseiller45", "/api/dossiers", demande).statut()).isEqualTo(409);
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    String tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();

    Reponse terminee = http.post("conseiller45", "/engine-rest/task/" + tache + "/complete", Map.of("variables",
        Map.of("modeCreationCompte", Map.of("value", "FRANCECONNECT"),
            "dateCreationCompte", Map.of("value", LocalDate.now(CalendrierOuvre.FUSEAU).toString()),
            "etapesCreationCompte", Map.of("value", "[\"IDENTITE\"]", "type", "Json"))));

    assertThat(terminee.statut()).isEqualTo(204);
    // the email leaves by its own job, after the transaction that reaches the task: both awaited
    Attente.jusqua("la tâche de l'Identité Numérique en ligne et son courriel", () -> {
      JsonNode enCours = http.get("conseiller45", "/api/dossiers/" + reference).corps();
      return enCours.get("etapes").findValuesAsText("activite").contains("Tache_AccompagnerEnLigne")
          && enCours.get("historique").findValuesAsText("type").contains("COURRIEL");
    });
    JsonNode vue = http.get("conseiller45", "/api/dossiers/" + reference).corps();
    assertThat(vue.get("statutDossier").asText()).isEqualTo("IDENTITE_NUMERIQUE");
    assertThat(vue.get("etapes").findValuesAsText("activite")).contains("Appel_IdentiteNumerique");
    assertThat(vue.get("historique").findValuesAsText("type")).contains("COURRIEL");
    assertThat(http.get("conseiller79", "/api/dossiers/" + reference).statut()).isEqualTo(404);
  }

  @Test
  void lesReferencesRestentUniquesSousConcurrence() throws Exception {
    ClientHttp http = new ClientHttp(port);
    List<Callable<Reponse>> ouvertures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ObjectNode demande = DossiersDeTest.demande(false);
      String conseiller = i % 2 == 0 ? "conseiller45" : "conseiller79";
      ouvertures.add(() -> http.post(conseiller, "/api/dossiers", demande));
    }
    Set<String> references = new HashSet<>();
    for (Reponse reponse : EnParallele.executer(ouvertures)) {
      assertThat(reponse.statut()).isEqualTo(201);
      references.add(reponse.corps().get("reference").asText());
    }
    assertThat(references).hasSize(10);
  }
}
