package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One dossier driven from outside, as the API tests of the journey do: its view,
 * its tasks completed over /engine-rest, its outside events, and its timers fired as
 * an administrator does in Cockpit.
 */
final class DossierParHttp {

  private final ClientHttp http;
  private final String reference;
  private int evenements;

  DossierParHttp(ClientHttp http, String reference) {
    this.http = http;
    this.reference = reference;
  }

  JsonNode vue() {
    return http.get("conseiller45", "/api/dossiers/" + reference).corps();
  }

  String tache(String definition) {
    Attente.jusqua("la tâche " + definition, () -> http.get("conseiller45",
        "/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + definition).corps().size() == 1);
    return http.get("conseiller45", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + definition).corps().get(0).get("id").asText();
  }

  Reponse terminerPar(String utilisateur, String definition, Object... clesValeurs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      variables.put((String) clesValeurs[i], Map.of("value", clesValeurs[i + 1]));
    }
    return http.post(utilisateur, "/engine-rest/task/" + tache(definition) + "/complete", Map.of("variables", variables));
  }

  void terminer(String definition, Object... clesValeurs) {
    Reponse reponse = terminerPar("conseiller45", definition, clesValeurs);
    assertThat(reponse.statut()).as(definition + " : " + reponse.brute().body()).isEqualTo(204);
  }

  /** Sends the event once the dossier waits for it; each call has its own idEvenement. */
  void evenement(String type, Map<String, Object> donnees) {
    String id = type + "-" + reference + "-" + ++evenements;
    Attente.jusqua("l'attente de " + type, () -> envoyer(id, type, donnees).statut() == 202);
  }

  Reponse envoyer(String id, String type, Map<String, Object> donnees) {
    return http.post("conseiller45", "/api/dossiers/" + reference + "/evenements",
        Map.of("idEvenement", id, "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees));
  }

  int evenementsEnvoyes() {
    return evenements;
  }

  void declencherTimer(String activite) {
    Attente.jusqua("le timer " + activite, () -> jobTimer(activite) != null);
    assertThat(http.post("admin", "/engine-rest/job/" + jobTimer(activite) + "/execute", Map.of()).statut()).isEqualTo(204);
  }

  String jobTimer(String activite) {
    for (JsonNode instance : http.get("admin", "/engine-rest/process-instance?businessKey=" + reference).corps()) {
      JsonNode jobs = http.get("admin", "/engine-rest/job?timers=true&activityId=" + activite
          + "&processInstanceId=" + instance.get("id").asText()).corps();
      if (jobs.size() == 1) {
        return jobs.get(0).get("id").asText();
      }
    }
    return null;
  }
}
