package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/regles over real HTTP, with the deployed DMN barème and the shipped communes. */
@ApplicationDemarree
class ReglesApiTest {

  @LocalServerPort
  int port;
  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private List<String> champsEnErreur(Reponse reponse) {
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(400);
    return reponse.corps().get("erreurs").findValuesAsText("champ");
  }

  // ------------------------------------------------------------ délai d'inscription

  @ParameterizedTest(name = "{0} → {1} ({2}) : {3}, {4}, {5}")
  @CsvSource({
      "2026-03-02,2026-03-18,,11,true,2026-03-02",
      "2026-03-03,2026-03-18,,10,false,2026-03-02",
      "2026-04-30,2026-05-21,,11,true,2026-05-03",
      "2026-03-20,2026-04-08,45,11,true,2026-03-22",
      "2026-03-20,2026-04-08,57,10,false,2026-03-19"})
  void delaiInscription(String acceptation, String debut, String departement, int jours, boolean mobilisable,
      String limite) {
    Reponse reponse = http.get("conseiller45", "/api/regles/delai-inscription?acceptation=" + acceptation
        + "&debut=" + debut + (departement == null ? "" : "&departement=" + departement));

    assertThat(reponse.statut()).isEqualTo(200);
    assertThat(reponse.corps().get("joursOuvres").asInt()).isEqualTo(jours);
    assertThat(reponse.corps().get("mobilisable").asBoolean()).isEqualTo(mobilisable);
    assertThat(reponse.corps().get("dateLimiteAcceptation").asText()).isEqualTo(limite);
  }

  @Test
  void delaiInscriptionInvalide() {
    assertThat(champsEnErreur(http.get("conseiller45", "/api/regles/delai-inscription")))
        .containsExactlyInAnyOrder("acceptation", "debut");
    assertThat(champsEnErreur(http.get("conseiller45",
        "/api/regles/delai-inscription?acceptation=02/03/2026&debut=2026-03-18&departement=4")))
        .containsExactlyInAnyOrder("acceptation", "departement");
    assertThat(champsEnErreur(http.get("conseiller45",
        "/api/regles/delai-inscription?acceptation=2026-03-18&debut=2026-03-02"))).containsExactly("debut");
    assertThat(http.get(null, "/api/regles/delai-inscription?acceptation=2026-03-02&debut=2026-03-18").statut())
        .isEqualTo(401);
  }

  // ------------------------------------------------------------ répartition

  @Test
  void repartitionAvecContributionDeLaCollectivite() {
    Reponse reponse = http.post("conseiller45", "/api/regles/repartition", Map.of(
        "coutFormation", "1200.00", "droitsDife", "700.00", "contributionCollectiviteDemandee", "400.00"));

    assertThat(reponse.statut()).isEqualTo(200);
    assertThat(reponse.brute().body()).contains("\"priseEnChargeDife\":\"700.00\"",
        "\"contributionCollectivite\":\"400.00\"", "\"plafondCollectivite\":\"500.00\"", "\"resteAChargeElu\":\"100.00\"");
  }

  @Test
  void repartitionPlafonneeA75PourCent() {
    JsonNode r = http.post("analyste", "/api/regles/repartition", Map.of(
        "coutFormation", 2000, "droitsDife", "0", "contributionCollectiviteDemandee", "2000.00")).corps();

    assertThat(r.get("contributionCollectivite").asText()).isEqualTo("1500.00");
    assertThat(r.get("plafondCollectivite").asText()).isEqualTo("1500.00");
    assertThat(r.get("resteAChargeElu").asText()).isEqualTo("500.00");
    assertThat(r.get("contributionPlafonnee").asBoolean()).isTrue();
  }

  @Test
  void repartitionInvalide() {
    assertThat(champsEnErreur(http.post("conseiller45", "/api/regles/repartition", Map.of())))
        .containsExactlyInAnyOrder("coutFormation", "droitsDife", "contributionCollectiviteDemandee");
    assertThat(champsEnErreur(http.post("conseiller45", "/api/regles/repartition", Map.of(
        "coutFormation", "-1200.00", "droitsDife", "700.001", "contributionCollectiviteDemandee", "douze"))))
        .containsExactlyInAnyOrder("coutFormation", "droitsDife", "contributionCollectiviteDemandee");
  }

  // ------------------------------------------------------------ frais THR

  @Test
  void fraisThrAParis() {
    Reponse reponse = http.post("conseiller45", "/api/regles/frais-thr", Map.of("repas", 2,
        "dateSejour", "2026-03-18", "nuitees", List.of(Map.of("codeInsee", "75056", "nombre", 1))));

    assertThat(reponse.statut()).isEqualTo(200);
    JsonNode r = reponse.corps();
    assertThat(r.get("montantRepas").asText()).isEqualTo("35.00");
    assertThat(r.get("montantNuitees").asText()).isEqualTo("110.00");
    assertThat(r.get("total").asText()).isEqualTo("145.00");
    assertThat(r.get("lignes").get(1).get("commune").asText()).isEqualTo("Paris");
    assertThat(r.get("lignes").get(1).get("tarif").asText()).isEqualTo("110.00");
  }

  @Test
  void fraisThrEnMetropoleDuGrandParisEtAilleurs() {
    JsonNode r = http.post("conseiller79", "/api/regles/frais-thr", Map.of("repas", 3, "nuitees", List.of(
        Map.of("codeInsee", "92012", "nombre", 2),
        Map.of("codeInsee", "31555", "nombre", 1),
        Map.of("codeInsee", "79191", "nombre", 1, "date", "2026-03-19")))).corps();

    assertThat(r.get("lignes").findValuesAsText("categorie")).containsExactly("GRAND_PARIS", "GRANDE_VILLE", "AUTRE");
    assertThat(r.get("montantNuitees").asText()).isEqualTo("340.00");
    assertThat(r.get("montantRepas").asText()).isEqualTo("52.50");
    assertThat(r.get("total").asText()).isEqualTo("392.50");
  }

  @Test
  void fraisThrInvalides() {
    assertThat(champsEnErreur(http.post("conseiller45", "/api/regles/frais-thr", Map.of("repas", -1,
        "nuitees", List.of(Map.of("codeInsee", "7505", "nombre", 0), Map.of("codeInsee", "75056", "nombre", 1.5))))))
        .containsExactlyInAnyOrder("repas", "nuitees.0.codeInsee", "nuitees.0.nombre", "nuitees.1.nombre");
    assertThat(champsEnErreur(http.post("conseiller45", "/api/regles/frais-thr", Map.of("nuitees", "Paris"))))
        .containsExactly("nuitees");
    assertThat(champsEnErreur(http.post("conseiller45", "/api/regles/frais-thr", Map.of("repas", 1,
        "dateSejour", "2018-06-01")))).containsExactly("dateSejour");
    assertThat(champsEnErreur(http.post("conseiller45", "/api/regles/frais-thr", Map.of("repas", "2"))))
        .containsExactly("repas");
  }

  // ------------------------------------------------------------ hostile sizes, refused from their digits

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "/api/regles/delai-inscription?acceptation=2026-03-02&debut=%2B10000-01-01|-|debut|au format AAAA-MM-JJ",
      "/api/regles/delai-inscription?acceptation=2026-03-02&debut=9999-12-31|-|debut|entre 1900-01-01 et 2100-12-31",
      "/api/regles/delai-inscription?acceptation=-999999999-01-01&debut=2026-03-18|-|acceptation|au format AAAA-MM-JJ",
      "/api/regles/delai-inscription?acceptation=1899-12-31&debut=2026-03-18|-|acceptation|entre 1900-01-01",
      "/api/regles/repartition|{\"coutFormation\": \"1e300000\", \"droitsDife\": \"0\", "
          + "\"contributionCollectiviteDemandee\": \"0\"}|coutFormation|ne peut pas dépasser 9999999.99 €",
      "/api/regles/repartition|{\"coutFormation\": 1e300000, \"droitsDife\": \"0\", "
          + "\"contributionCollectiviteDemandee\": \"0\"}|coutFormation|ne peut pas dépasser 9999999.99 €",
      "/api/regles/repartition|{\"coutFormation\": \"1200\", "
          + "\"droitsDife\": \"12345678901234567890123456789012345678901234567890\", "
          + "\"contributionCollectiviteDemandee\": \"0\"}|droitsDife|ne peut pas dépasser",
      "/api/regles/repartition|{\"coutFormation\": \"1200\", "
          + "\"droitsDife\": 12345678901234567890123456789012345678901234567890, "
          + "\"contributionCollectiviteDemandee\": \"1e-4000\"}|droitsDife|ne peut pas dépasser",
      "/api/regles/repartition|{\"coutFormation\": \"1200\", \"droitsDife\": \"1e4000\", "
          + "\"contributionCollectiviteDemandee\": \"0\"}|droitsDife|ne peut pas dépasser",
      "/api/regles/frais-thr|{\"repas\": 4294967297}|repas|doit être compris entre 0 et 366",
      "/api/regles/frais-thr|{\"repas\": 1e300000}|repas|doit être compris entre 0 et 366",
      "/api/regles/frais-thr|{\"nuitees\": [{\"codeInsee\": \"75056\", \"nombre\": 4294967297}]}"
          + "|nuitees.0.nombre|doit être compris entre 1 et 366",
      "/api/regles/frais-thr|{\"repas\": 1, \"dateSejour\": \"-999999999-01-01\"}|dateSejour|au format AAAA-MM-JJ",
      "/api/regles/frais-thr|{\"repas\": 1, \"nuitees\": [{\"codeInsee\": \"75056\", \"nombre\": 1, "
          + "\"date\": \"2101-01-01\"}]}|nuitees.0.date|entre 1900-01-01 et 2100-12-31"})
  void uneTailleHostileEstRefuseeAussitotEnNommantLeChamp(String chemin, String corps, String champ, String motif) {
    long debut = System.nanoTime();
    Reponse reponse = corps.equals("-") ? http.get("conseiller45", chemin) : http.post("conseiller45", chemin, corps);
    long millisecondes = (System.nanoTime() - debut) / 1_000_000;

    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(400);
    assertThat(reponse.corps().get("erreurs").findValuesAsText("champ")).contains(champ);
    assertThat(reponse.corps().get("erreurs").findValuesAsText("message"))
        .anySatisfy(message -> assertThat(message).contains("« " + champ + " »", motif));
    assertThat(millisecondes).as("millisecondes").isLessThan(2000);
  }

  @Test
  void leDelaiSurDeuxSieclesSeCalculeSansParcourirChaqueJour() {
    long debut = System.nanoTime();
    Reponse reponse = http.get("conseiller45", "/api/regles/delai-inscription?acceptation=1900-01-01&debut=2100-12-31");

    assertThat(reponse.statut()).isEqualTo(200);
    assertThat(reponse.corps().get("joursOuvres").asInt())
        .isEqualTo(CalendrierOuvre.joursOuvresEntre(java.time.LocalDate.of(1900, 1, 1),
            java.time.LocalDate.of(2100, 12, 31), null));
    assertThat(reponse.corps().get("dateLimiteAcceptation").asText())
        .isEqualTo(DelaiInscription.dateLimiteAcceptation(java.time.LocalDate.of(2100, 12, 31), null).toString());
    assertThat((System.nanoTime() - debut) / 1_000_000).as("millisecondes").isLessThan(2000);
  }

  // ------------------------------------------------------------ description

  @Test
  void laDescriptionOpenApiEstServieEnFrancais() {
    // behind the login since issue 14 (it describes the personal data the API holds)
    Reponse description = http.get("conseiller45", "/v3/api-docs");

    assertThat(description.statut()).isEqualTo(200);
    JsonNode chemins = description.corps().get("paths");
    assertThat(chemins.has("/api/regles/delai-inscription")).isTrue();
    assertThat(chemins.has("/api/regles/repartition")).isTrue();
    assertThat(chemins.has("/api/regles/frais-thr")).isTrue();
    assertThat(chemins.has("/api/dossiers")).isTrue();
    assertThat(chemins.has("/api/dossiers/{reference}/evenements")).isTrue();
    assertThat(description.brute().body()).contains("jours ouvrés", "Qui paie la formation", "Alsace-Moselle");
    assertThat(http.get(null, "/swagger-ui/index.html").statut()).isEqualTo(200);
  }
}
