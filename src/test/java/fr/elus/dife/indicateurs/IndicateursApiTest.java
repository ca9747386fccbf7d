package fr.elus.dife.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.dossier.DossierRepository;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Each figure of GET /api/indicateurs against the dossiers of DossiersMesures, over HTTP. */
@ApplicationDemarree
class IndicateursApiTest {

  private static final long JOUR = Duration.ofDays(1).toSeconds();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine moteur;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  SuiviRepository suivi;
  @Autowired
  DossierRepository dossiers;
  @Autowired
  AgregatsSuivi agregats;
  @Autowired
  PlatformTransactionManager transactions;

  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private DossiersMesures dossiers() {
    return DossiersMesures.construire(http, moteur);
  }

  private static JsonNode element(JsonNode liste, String champ, String valeur) {
    return StreamSupport.stream(liste.spliterator(), false).filter(e -> valeur.equals(e.get(champ).asText()))
        .findFirst().orElseThrow(() -> new AssertionError(valeur + " absent de " + liste));
  }

  @Test
  void chaqueChiffreDesDossiersConstruitsPourLui() {
    DossiersMesures d = dossiers();
    Map<String, Long> avant = d.parStatutAvant;
    Map<String, Long> apres = d.parStatutApres;
    // now: A and B at the Identité Numérique, C closed by its abandon, none elsewhere
    apres.forEach((statut, nombre) -> assertThat(nombre - avant.getOrDefault(statut, 0L)).as(statut)
        .isEqualTo(switch (statut) {
          case "IDENTITE_NUMERIQUE" -> 2L;
          case "CLOS_ABANDON" -> 1L;
          default -> 0L;
        }));

    JsonNode indicateurs = http.get("analyste", "/api/indicateurs?" + DossiersMesures.PERIODE).corps();
    assertThat(indicateurs.get("associations").toString()).isEqualTo("[\"aml45\"]");

    JsonNode mois = indicateurs.get("parMois");
    assertThat(mois).hasSize(1);
    assertThat(mois.get(0).get("mois").asText()).isEqualTo("2021-03");
    assertThat(mois.get(0).get("ouverts").asLong()).isEqualTo(3);
    assertThat(mois.get(0).get("closAbandon").asLong()).isEqualTo(1);
    assertThat(mois.get(0).get("closFormationSuivie").asLong()).isZero();
    assertThat(mois.get(0).get("closDifeNonMobilise").asLong()).isZero();

    // 2, 4 and 6 days to create the account: median 4, p90 4 + 0.8 × 2 = 5.6 (continuous percentile)
    JsonNode compte = element(indicateurs.get("durees"), "statut", "COMPTE_FORMATION");
    assertThat(compte.get("nombre").asLong()).isEqualTo(3);
    assertThat(compte.get("medianeSecondes").asLong()).isEqualTo(4 * JOUR);
    assertThat(compte.get("p90Secondes").asLong()).isEqualTo(Math.round(5.6 * JOUR));
    assertThat(compte.get("medianeJours").asDouble()).isEqualTo(4.0);
    assertThat(compte.get("p90Jours").asDouble()).isEqualTo(5.6);
    // only C left the Identité Numérique, abandoned after 12 hours
    JsonNode identite = element(indicateurs.get("durees"), "statut", "IDENTITE_NUMERIQUE");
    assertThat(identite.get("nombre").asLong()).isEqualTo(1);
    assertThat(identite.get("medianeSecondes").asLong()).isEqualTo(JOUR / 2);
    assertThat(identite.get("p90Secondes").asLong()).isEqualTo(JOUR / 2);
    assertThat(identite.get("medianeJours").asDouble()).isEqualTo(0.5);
    JsonNode ouvert = element(indicateurs.get("durees"), "statut", "OUVERT");
    assertThat(ouvert.get("nombre").asLong()).isEqualTo(3);
    assertThat(ouvert.get("p90Secondes").asLong()).isZero();
    assertThat(indicateurs.get("durees").findValuesAsText("statut")).doesNotContain("CLOS_ABANDON");

    JsonNode ar24 = element(indicateurs.get("delais"), "delai", "AR24");
    assertThat(ar24.get("tenus").asLong()).isEqualTo(1);
    assertThat(ar24.get("manques").asLong()).isEqualTo(1);
    assertThat(ar24.get("enRetard").asLong()).isEqualTo(1);
    assertThat(ar24.get("enCours").asLong()).isZero();
    assertThat(ar24.get("partTenue").asDouble()).isEqualTo(50.0);
    for (String autre : List.of("CDC", "COURRIER", "VALIDATION", "ONZE_JOURS")) {
      JsonNode delai = element(indicateurs.get("delais"), "delai", autre);
      assertThat(delai.get("tenus").asLong() + delai.get("manques").asLong() + delai.get("enCours").asLong())
          .as(autre).isZero();
      assertThat(delai.get("partTenue").isNull()).as(autre).isTrue();
    }

    JsonNode enRetard = element(indicateurs.get("enRetard"), "reference", d.b);
    assertThat(enRetard.get("delai").asText()).isEqualTo("AR24");
    assertThat(enRetard.get("statut").asText()).isEqualTo("IDENTITE_NUMERIQUE");
    assertThat(enRetard.get("depasseLe").asText()).isEqualTo(
        DossiersMesures.moment(Duration.ofDays(10)).toInstant().toString());
    assertThat(enRetard.get("processInstanceId").asText()).isEqualTo(moteur.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("dife-parcours").processInstanceBusinessKey(d.b).singleResult().getId());
    assertThat(indicateurs.get("enRetard").findValuesAsText("reference")).doesNotContain(d.a, d.c);
    assertThat(indicateurs.get("nombreEnRetard").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void lOngletDossiersCompteDesDossiersPasDesInstances() {
    DossiersMesures d = dossiers();
    JsonNode clos = http.get("analyste", "/api/indicateurs/dossiers?association=aml45&etat=CLOS&statut=CLOS_ABANDON"
        + "&taille=200").corps();
    JsonNode c = element(clos.get("dossiers"), "reference", d.c);
    assertThat(c.get("libelleStatut").asText()).isEqualTo("Clos : abandon");
    assertThat(c.get("dateCloture").asText()).isEqualTo(DossiersMesures.moment(Duration.ofDays(6).plusHours(12)).toInstant()
        .toString());

    JsonNode enCours = http.get("analyste", "/api/indicateurs/dossiers?association=aml45&statut=IDENTITE_NUMERIQUE"
        + "&taille=200").corps();
    JsonNode b = element(enCours.get("dossiers"), "reference", d.b);
    assertThat(b.get("etapeEnCours").asText()).isEqualTo("Appeler l'assistance La Poste");
    assertThat(b.get("depuis").asText()).isEqualTo(DossiersMesures.moment(Duration.ofDays(4)).toInstant().toString());
    assertThat(b.get("joursDansEtape").asLong()).isGreaterThan(365);
    // one row per dossier although A and B each run a called process
    assertThat(enCours.get("dossiers").findValuesAsText("reference")).doesNotHaveDuplicates();
    assertThat(enCours.get("total").asLong()).isEqualTo(enCours.get("dossiers").size());
  }

  @Test
  void chacunSesAssociations() {
    assertThat(http.get("conseiller79", "/api/indicateurs?association=aml45").statut()).isEqualTo(404);
    assertThat(http.get("conseiller79", "/api/indicateurs").corps().get("associations").toString())
        .isEqualTo("[\"adm79\"]");
    assertThat(http.get("analyste", "/api/indicateurs").corps().get("associations")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("aml45", "adm79");
    assertThat(http.get(null, "/api/indicateurs").statut()).isEqualTo(401);
    JsonNode erreur = http.get("analyste", "/api/indicateurs?depuis=2021-13-01").corps();
    assertThat(erreur.get("erreurs").get(0).get("champ").asText()).isEqualTo("depuis");
    assertThat(http.get("analyste", "/api/indicateurs/dossiers?statut=INCONNU").corps().get("erreurs").get(0)
        .get("champ").asText()).isEqualTo("statut");
  }

  @Test
  void lesMoisSontCeuxDeParis() {
    // 31 March 2019 22:30 UTC is 1 April 00:30 in Paris (summer time since that night);
    // 30 April 22:30 UTC is already 1 May there, after the period
    // written as the engine's history events write them, so that the aggregates follow
    String instance = "mois-de-paris-" + System.nanoTime();
    // two dossiers of their own (only a dossier's statuses are counted), their references outside the year's numbering
    long numero = System.nanoTime() % 1_000_000;
    dossiers.inserer("DIFE-2019-A" + numero, "aml45", instance, instance, instance, Instant.parse("2019-03-31T22:30:00Z"));
    dossiers.inserer("DIFE-2019-B" + numero, "aml45", instance + "-mai", instance + "-mai", instance + "-mai",
        Instant.parse("2019-04-30T22:30:00Z"));
    new TransactionTemplate(transactions).executeWithoutResult(t -> {
      suivi.passerStatut(instance, "aml45", "OUVERT", Instant.parse("2019-03-31T22:30:00Z"));
      suivi.passerStatut(instance, "aml45", "CLOS_ABANDON", Instant.parse("2019-04-30T21:30:00Z"));
      suivi.passerStatut(instance + "-mai", "aml45", "OUVERT", Instant.parse("2019-04-30T22:30:00Z"));
    });
    try {
      JsonNode mois = http.get("analyste", "/api/indicateurs?association=aml45&depuis=2019-04-01&jusqua=2019-04-30")
          .corps().get("parMois");
      assertThat(mois).hasSize(1);
      assertThat(mois.get(0).get("mois").asText()).isEqualTo("2019-04");
      assertThat(mois.get(0).get("ouverts").asLong()).isEqualTo(1);
      assertThat(mois.get(0).get("closAbandon").asLong()).isEqualTo(1);
    } finally {
      jdbc.update("delete from dife_etape_dossier where process_instance_id in (?, ?)", instance, instance + "-mai");
      jdbc.update("delete from dife_dossier where process_instance_id in (?, ?)", instance, instance + "-mai");
      // their aggregates too, for the other tests: no other test writes in 2019
      for (String table : List.of("dife_agregat_entree", "dife_agregat_duree_jour")) {
        jdbc.update("delete from " + table + " where association = 'aml45' and jour >= ? and jour < ?",
            Date.valueOf("2019-03-01"), Date.valueOf("2019-06-01"));
      }
      jdbc.update("delete from dife_agregat_duree where association = 'aml45' and mois >= ? and mois < ?",
          Date.valueOf("2019-03-01"), Date.valueOf("2019-06-01"));
      // one opened for May, one closed in April, still counted in their status
      jdbc.update("update dife_agregat_statut set nombre = nombre - 1 where association = 'aml45' "
          + "and statut in ('OUVERT', 'CLOS_ABANDON')");
    }
  }

  @Test
  void lesAgregatsSontLeRecalculDuDetail() {
    dossiers();
    // every stage and deadline of the dossiers built so far in this context went through the engine;
    // read twice apart, a command of another test committing in between is given a second chance
    List<String> lus = List.of();
    List<String> recalcules = List.of("-");
    for (int essai = 0; essai < 5 && !lus.equals(recalcules); essai++) {
      lus = AgregatsSuivi.enLignes(agregats.lire());
      recalcules = AgregatsSuivi.enLignes(agregats.recalculer());
    }
    assertThat(lus).isNotEmpty().containsExactlyElementsOf(recalcules);
  }

  @Test
  void lesDureesSontLesMemesAvecOuSansMoisEntiers() {
    dossiers();
    // March whole from the monthly histogram; none whole, or only part of it, from the detail rows
    JsonNode mars = http.get("analyste", "/api/indicateurs?" + DossiersMesures.PERIODE).corps().get("durees");
    assertThat(mars.findValuesAsText("statut")).contains("COMPTE_FORMATION", "IDENTITE_NUMERIQUE");
    for (String periode : List.of("depuis=2021-03-01&jusqua=2021-03-30", "depuis=2021-02-20&jusqua=2021-04-05",
        "depuis=2021-03-01&jusqua=2021-04-30")) {
      assertThat(http.get("analyste", "/api/indicateurs?association=aml45&" + periode).corps().get("durees"))
          .as(periode).isEqualTo(mars);
    }
  }

  @Test
  void documenteDansOpenApiAvecSesSchemas() {
    JsonNode api = http.get("analyste", "/v3/api-docs").corps();
    assertThat(api.get("paths").has("/api/indicateurs")).isTrue();
    assertThat(api.get("paths").has("/api/dossiers/export")).isTrue();
    assertThat(api.get("components").get("schemas").get("Indicateurs").get("properties").has("durees")).isTrue();
    assertThat(api.get("components").get("schemas").get("DureeEtape").get("properties").has("p90Secondes")).isTrue();
    assertThat(api.get("components").get("schemas").get("DureeEtape").get("description").asText())
        .contains("au plus 25 % de la durée");
  }
}
