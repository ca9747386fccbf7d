package fr.elus.dife.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator/prometheus as a Prometheus server scrapes it, against the indicators and the engine. */
@ApplicationDemarree
class MetriquesPrometheusTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine moteur;

  private static Optional<Double> valeur(String page, String serie) {
    return Arrays.stream(page.split("\n")).filter(l -> l.startsWith(serie + " "))
        .map(l -> Double.parseDouble(l.substring(serie.length() + 1).trim())).findFirst();
  }

  @Test
  void lesJaugesEtLesCompteursDesOperateurs() {
    ClientHttp http = new ClientHttp(port);
    DossiersMesures.construire(http, moteur);
    assertThat(http.get(null, "/actuator/prometheus").statut()).isEqualTo(401);
    assertThat(http.get("analyste", "/actuator/prometheus").statut()).isEqualTo(401);
    assertThat(http.get("conseiller45", "/actuator/prometheus").statut()).isEqualTo(401);

    JsonNode indicateurs = http.get("admin", "/api/indicateurs?association=aml45").corps();
    long identite = 0;
    for (JsonNode s : indicateurs.get("parStatut")) {
      if (s.get("statut").asText().equals("IDENTITE_NUMERIQUE")) {
        identite = s.get("nombre").asLong();
      }
    }
    long attendu = identite;
    // the snapshot is at most a few seconds old
    Attente.jusqua("la jauge des dossiers à l'Identité Numérique", () -> valeur(http.get("admin", "/actuator/prometheus")
        .brute().body(), "dife_dossiers_ouverts{association=\"aml45\",statut=\"IDENTITE_NUMERIQUE\"}")
        .orElse(-1d) == attendu);
    String page = http.get("admin", "/actuator/prometheus").brute().body();
    assertThat(attendu).isGreaterThanOrEqualTo(2);
    assertThat(valeur(page, "dife_dossiers_ouverts{association=\"aml45\",statut=\"CLOS_ABANDON\"}")).isEmpty();
    assertThat(valeur(page, "dife_delais_depasses{association=\"aml45\",delai=\"AR24\"}")).hasValueSatisfying(
        v -> assertThat(v).isGreaterThanOrEqualTo(1));
    assertThat(valeur(page, "dife_incidents_ouverts")).hasValueSatisfying(v -> assertThat(v)
        .isEqualTo((double) moteur.getRuntimeService().createIncidentQuery().count()));
    assertThat(valeur(page, "dife_jobs_executables")).isPresent();
    // DossiersMesures sent emails (Identité Numérique en ligne, AR24) through the send jobs
    assertThat(valeur(page, "dife_courriels_total{issue=\"envoye\"}")).hasValueSatisfying(
        v -> assertThat(v).isGreaterThanOrEqualTo(6));
    assertThat(valeur(page, "dife_courriels_total{issue=\"echec\"}")).isPresent();
  }
}
