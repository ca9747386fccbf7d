package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.PlusLongParcours;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The longest journey, from opening to CLOS_FORMATION_SUIVIE, as the outside sees
 * it: /api for dossiers and events, /engine-rest for the conseiller's tasks and,
 * as an administrator would in Cockpit, to fire the timers that would take weeks.
 */
@ApplicationDemarree
class PlusLongParcoursApiTest implements PlusLongParcours.Conduite {

  @LocalServerPort
  int port;
  @Autowired
  GreenMail smtp;

  private ClientHttp http;
  private String reference;
  private int evenements;

  private JsonNode dossier() {
    return http.get("conseiller45", "/api/dossiers/" + reference).corps();
  }

  private String tache(String definition) {
    Attente.jusqua("la tâche " + definition, () -> http.get("conseiller45",
        "/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + definition).corps().size() == 1);
    return http.get("conseiller45", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + definition).corps().get(0).get("id").asText();
  }

  @Override
  public void terminer(String definition, Object... clesValeurs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      variables.put((String) clesValeurs[i], Map.of("value", clesValeurs[i + 1]));
    }
    Reponse reponse = http.post("conseiller45", "/engine-rest/task/" + tache(definition) + "/complete",
        Map.of("variables", variables));
    assertThat(reponse.statut()).as(definition + " : " + reponse.brute().body()).isEqualTo(204);
  }

  @Override
  public void evenement(String type, Map<String, Object> donnees) {
    String id = type + "-" + reference + "-" + ++evenements;
    Attente.jusqua("l'attente de " + type, () -> http.post("conseiller45", "/api/dossiers/" + reference + "/evenements",
        Map.of("idEvenement", id, "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees))
        .statut() == 202);
  }

  /** What an administrator does in Cockpit to fire a timer now. */
  @Override
  public void declencherTimer(String activite) {
    Attente.jusqua("le timer " + activite, () -> jobTimer(activite) != null);
    assertThat(http.post("admin", "/engine-rest/job/" + jobTimer(activite) + "/execute", Map.of()).statut()).isEqualTo(204);
  }

  private String jobTimer(String activite) {
    for (JsonNode instance : http.get("admin", "/engine-rest/process-instance?businessKey=" + reference).corps()) {
      JsonNode jobs = http.get("admin", "/engine-rest/job?timers=true&activityId=" + activite
          + "&processInstanceId=" + instance.get("id").asText()).corps();
      if (jobs.size() == 1) {
        return jobs.get(0).get("id").asText();
      }
    }
    return null;
  }

  @Override
  public String ouvrir(ObjectNode corps) {
    reference = http.post("conseiller45", "/api/dossiers", corps).corps().get("reference").asText();
    return reference;
  }

  @Override
  public void avantValidation() {
    Attente.jusqua("l'attente de la validation", () -> dossier().get("echeances").findValuesAsText("nom")
        .contains("Début de la formation"));
    JsonNode enValidation = dossier();
    assertThat(enValidation.get("statutDossier").asText()).isEqualTo("VALIDATION");
    assertThat(enValidation.get("repartition").get("priseEnChargeDife").asText()).isEqualTo("700.00");
    assertThat(enValidation.get("repartition").get("contributionCollectivite").asText()).isEqualTo("400.00");
    assertThat(enValidation.get("repartition").get("resteAChargeElu").asText()).isEqualTo("100.00");
  }

  @Test
  void delOuvertureALaFormationSuivie() {
    http = new ClientHttp(port);
    ObjectNode demande = PlusLongParcours.demande();
    PlusLongParcours.parcourir(this, demande);

    Attente.jusqua("la clôture", () -> dossier().get("statutDossier").asText().equals("CLOS_FORMATION_SUIVIE"));
    JsonNode clos = dossier();
    assertThat(clos.hasNonNull("dateCloture")).isTrue();
    assertThat(clos.get("etapes")).isEmpty();
    assertThat(clos.get("echeances")).isEmpty();
    List<String> historique = clos.get("historique").findValuesAsText("description");
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Vos frais de repas et d'hébergement"));
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Avez-vous reçu le courrier recommandé"));
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Échec FranceConnect+"));
    assertThat(clos.get("historique").findValuesAsText("type").stream().filter("EVENEMENT"::equals)).hasSize(evenements);

    // what the élu received
    String email = demande.get("elu").get("email").asText();
    assertThat(corps(email, "qui paie")).contains("pris en charge par votre DIFE", "700.00 €",
        "collectivité : 400.00 €", "reste à votre charge, à régler par virement : 100.00 €",
        "Je confirme mon inscription");
    assertThat(corps(email, "frais de repas")).contains("2 repas : 35.00 €", "1 nuitée(s) : 110.00 €",
        "soit 145.00 € au total", "motif « Ma formation en tant qu'élu », sous-motif « Frais THR »");
  }

  private String corps(String destinataire, String motsDuSujet) {
    return CourrielsRecus.texte(CourrielsRecus.a(smtp, destinataire, motsDuSujet).get(0));
  }
}
