package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over /engine-rest (what Cockpit itself calls), an analyst follows the dossier
 * but reads none of its variables; the conseiller still reads what the work needs.
 */
@ApplicationDemarree
class ConfidentialiteAnalysteTest {

  private static final List<String> PERSONNELLES = List.of("dateNaissance", "telephoneMobile", "email", "nirMasque");

  @LocalServerPort
  int port;

  @Test
  void lAnalysteSuitLeFluxSansLesDonneesDeLElu() {
    ClientHttp http = new ClientHttp(port);
    JsonNode ouvert = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps();
    String instance = ouvert.get("processInstanceId").asText();
    String reference = ouvert.get("reference").asText();
    Attente.jusqua("la tâche de création du compte", () -> http.get("conseiller45", "/engine-rest/task?processInstanceId="
        + instance).corps().size() == 1);
    String tache = http.get("conseiller45", "/engine-rest/task?processInstanceId=" + instance).corps().get(0)
        .get("id").asText();

    // the conseiller reads them, in the runtime, the history and the task's form
    assertThat(http.get("conseiller45", "/engine-rest/variable-instance?processInstanceIdIn=" + instance).corps()
        .findValuesAsText("name")).containsAll(PERSONNELLES);
    assertThat(http.get("conseiller45", "/engine-rest/history/variable-instance?processInstanceId=" + instance).corps()
        .findValuesAsText("name")).containsAll(PERSONNELLES);
    assertThat(http.get("conseiller45", "/engine-rest/task/" + tache + "/form-variables").statut()).isEqualTo(200);
    assertThat(http.get("conseiller45", "/api/dossiers/" + reference).corps().get("elu").get("email").asText())
        .contains("@example.org");

    // the analyst sees the dossier move, and nothing of the élu
    assertThat(http.get("analyste", "/engine-rest/process-instance?businessKey=" + reference).corps()).hasSize(1);
    assertThat(http.get("analyste", "/engine-rest/process-instance/" + instance + "/activity-instances").statut())
        .isEqualTo(200);
    assertThat(http.get("analyste", "/engine-rest/history/activity-instance?processInstanceId=" + instance).corps())
        .isNotEmpty();
    assertThat(http.get("analyste", "/engine-rest/variable-instance?processInstanceIdIn=" + instance).corps())
        .isEmpty();
    assertThat(http.get("analyste", "/engine-rest/history/variable-instance?processInstanceId=" + instance).corps())
        .isEmpty();
    assertThat(http.get("analyste", "/engine-rest/history/detail?processInstanceId=" + instance).corps()
        .findValuesAsText("variableName")).doesNotContainAnyElementsOf(PERSONNELLES);
    assertThat(http.get("analyste", "/engine-rest/process-instance/" + instance + "/variables").statut())
        .isEqualTo(403);
    assertThat(http.get("analyste", "/engine-rest/task/" + tache + "/variables").statut()).isEqualTo(403);
    assertThat(http.get("analyste", "/engine-rest/task/" + tache + "/form-variables").statut()).isEqualTo(403);
    // counted as none, not hidden after counting
    assertThat(http.get("analyste", "/engine-rest/variable-instance/count?processInstanceIdIn=" + instance).corps()
        .get("count").asLong()).isZero();
  }
}
