package fr.elus.dife.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.parcours.StatutDossier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine keeps the past values of the status only, and no passage through an
 * exclusive gateway: a dossier opened, then a task completed through its form, leaves
 * no other history detail and no gateway, while every variable keeps its current value
 * in the history, every task and call its historic activity, and the view still tells
 * the statuses and the step under way.
 */
@ApplicationDemarree
class HistoriqueDuMoteurTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ProcessEngineConfigurationImpl configuration;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void seulLeStatutGardeSesValeursPasseesEtAucunePorteExclusiveNestGardee() {
    ClientHttp http = new ClientHttp(port);
    String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
        .get("reference").asText();
    String tache = Attente.tache(taskService, reference, "Tache_CreerCompteFormation");
    assertThat(http.post("conseiller45", "/engine-rest/task/" + tache + "/submit-form", Map.of("variables",
        Map.of("modeCreationCompte", Map.of("value", "FRANCECONNECT"),
            "dateCreationCompte", Map.of("value", LocalDate.now(CalendrierOuvre.FUSEAU).toString())))).statut())
        .isEqualTo(204);
    Attente.jusqua("le statut suivant", () -> !http.get("conseiller45", "/api/dossiers/" + reference).corps()
        .get("statutDossier").asText().equals("COMPTE_FORMATION"));

    String racine = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("dife-parcours").singleResult().getId();
    List<Map<String, Object>> details = jdbc.queryForList("select TYPE_, NAME_ from ACT_HI_DETAIL where ROOT_PROC_INST_ID_ = ?",
        racine);
    assertThat(details).isNotEmpty().allSatisfy(detail -> {
      assertThat(detail.get("TYPE_")).isEqualTo("VariableUpdate");
      assertThat(detail.get("NAME_")).isEqualTo(StatutDossier.VARIABLE);
    });
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(racine).list())
        .extracting("name").contains("nomNaissance", "email", "modeCreationCompte", "dateCreationCompte",
            StatutDossier.VARIABLE);

    List<String> types = jdbc.queryForList("select ACT_TYPE_ from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ?",
        String.class, racine);
    assertThat(types).contains("startEvent", "userTask").doesNotContain("exclusiveGateway");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(racine)
        .activityId("Tache_CreerCompteFormation").finished().count()).isOne();

    JsonNode vue = http.get("conseiller45", "/api/dossiers/" + reference).corps();
    assertThat(vue.get("etapes")).isNotEmpty();
    JsonNode historique = vue.get("historique");
    assertThat(historique.findValuesAsText("description")).contains("Statut du dossier : COMPTE_FORMATION");
    assertThat(historique.findValuesAsText("type").stream().filter("STATUT"::equals).count())
        .isGreaterThanOrEqualTo(2);
    // the level the database records is still "full": an installed base starts as before
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(ProcessEngineConfiguration.HISTORY_FULL);
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(3);
  }
}
