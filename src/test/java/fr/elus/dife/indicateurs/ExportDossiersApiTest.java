package fr.elus.dife.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The exports of DossiersMesures' dossiers, read back as a spreadsheet program would (CSV and XLSX). */
@ApplicationDemarree
class ExportDossiersApiTest {

  private static final String COMPTE_DEBUT = "Compte Mon Compte Formation : début";
  private static final String COMPTE_FIN = "Compte Mon Compte Formation : fin";
  private static final String AR24 = "Vérification AR24 sous 24 h ouvrées";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine moteur;
  @Autowired
  JdbcTemplate jdbc;

  DossiersMesures dossiers;

  @BeforeEach
  void dossiers() {
    dossiers = DossiersMesures.construire(new ClientHttp(port), moteur);
  }

  private HttpResponse<byte[]> exporter(String utilisateur, String parametres) throws Exception {
    HttpRequest requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/export?"
            + parametres)).header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((utilisateur + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build();
    return HttpClient.newHttpClient().send(requete, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void csvUneLigneParDossierSansDonneesDeLElu() throws Exception {
    HttpResponse<byte[]> reponse = exporter("analyste", "format=csv&" + DossiersMesures.PERIODE);
    assertThat(reponse.statusCode()).isEqualTo(200);
    assertThat(reponse.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(reponse.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
    String texte = new String(reponse.body(), StandardCharsets.UTF_8);
    assertThat(texte).startsWith("\ufeff");
    List<List<String>> lignes = Arrays.stream(texte.substring(1).split("\r\n"))
        .map(l -> Arrays.asList(l.split(";", -1))).toList();
    List<String> entetes = lignes.get(0);
    assertThat(entetes).isEqualTo(ExportDossiers.entetes()).contains("Référence", "Association", "Statut",
        COMPTE_DEBUT, AR24, "Prise en charge DIFE", "Frais THR (total)");
    assertThat(String.join(" ", entetes).toLowerCase()).doesNotContain("nir", "naissance", "courriel", "mail",
        "téléphone", "nom", "prénom");
    // nothing of the élu at all: every test élu has the surname DURAND and an email address
    assertThat(texte).doesNotContain("DURAND", "@", "Claire");

    Map<String, List<String>> parReference = lignes.subList(1, lignes.size()).stream()
        .collect(Collectors.toMap(l -> l.get(0), Function.identity()));
    assertThat(parReference.keySet()).containsExactlyInAnyOrder(dossiers.a, dossiers.b, dossiers.c);
    Function<String, Integer> colonne = entetes::indexOf;
    List<String> a = parReference.get(dossiers.a);
    assertThat(a.get(colonne.apply("Association"))).isEqualTo("aml45");
    assertThat(a.get(colonne.apply("Statut"))).isEqualTo("Identité Numérique");
    assertThat(a.get(colonne.apply("Ouvert le"))).isEqualTo("01/03/2021 09:00");
    assertThat(a.get(colonne.apply(COMPTE_DEBUT))).isEqualTo("01/03/2021 09:00");
    assertThat(a.get(colonne.apply(COMPTE_FIN))).isEqualTo("03/03/2021 09:00");
    assertThat(a.get(colonne.apply("Identité Numérique : fin"))).isEmpty();
    assertThat(a.get(colonne.apply(AR24))).isEqualTo("tenu");
    assertThat(parReference.get(dossiers.b).get(colonne.apply(AR24))).isEqualTo("manqué");
    List<String> c = parReference.get(dossiers.c);
    assertThat(c.get(colonne.apply(AR24))).isEqualTo("annulé");
    assertThat(c.get(colonne.apply("Statut"))).isEqualTo("Clos : abandon");
    assertThat(c.get(colonne.apply("Clos le"))).isEqualTo("07/03/2021 21:00");
    assertThat(c.get(colonne.apply("Identité Numérique : fin"))).isEqualTo("07/03/2021 21:00");

    HttpResponse<byte[]> clos = exporter("analyste", "format=csv&statut=CLOS_ABANDON&" + DossiersMesures.PERIODE);
    String[] lignesClos = new String(clos.body(), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lignesClos).hasSize(2);
    assertThat(lignesClos[1]).startsWith(dossiers.c + ";");
  }

  @Test
  void xlsxDatesEtMontantsEnVraiesValeurs() throws Exception {
    HttpResponse<byte[]> reponse = exporter("analyste", "format=xlsx&" + DossiersMesures.PERIODE);
    assertThat(reponse.statusCode()).isEqualTo(200);
    assertThat(reponse.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    try (ReadableWorkbook classeur = new ReadableWorkbook(new ByteArrayInputStream(reponse.body()),
        new ReadingOptions(true, false))) {
      List<Row> lignes = classeur.getFirstSheet().read();
      List<String> entetes = lignes.get(0).stream().map(cellule -> cellule.getText()).toList();
      assertThat(entetes).isEqualTo(ExportDossiers.entetes());
      assertThat(lignes).hasSize(4);
      Row a = lignes.stream().filter(l -> dossiers.a.equals(l.getCellText(0))).findFirst().orElseThrow();
      int debut = entetes.indexOf(COMPTE_DEBUT);
      assertThat(a.getCell(debut).getType()).isEqualTo(CellType.NUMBER);
      assertThat(a.getCellAsDate(debut)).contains(LocalDateTime.of(2021, 3, 1, 9, 0));
      assertThat(a.getCellAsDate(entetes.indexOf(COMPTE_FIN))).contains(LocalDateTime.of(2021, 3, 3, 9, 0));
      assertThat(a.getCell(debut).getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
      assertThat(a.getCellText(entetes.indexOf(AR24))).isEqualTo("tenu");
    }
  }

  /** Amounts come from the split and the frais THR variables; a dossier gets them as it goes, here set directly. */
  @Test
  void montantsDeLaRepartitionEtDesFraisThr() throws Exception {
    String instance = jdbc.queryForObject("select process_instance_id from dife_dossier where reference = ?",
        String.class, dossiers.a);
    moteur.getRuntimeService().setVariable(instance, "repartition", Map.of("coutFormation", "1200.00", "priseEnChargeDife",
        "700.00", "contributionCollectivite", "375.00", "plafondCollectivite", "500.00", "resteAChargeElu", "125.00"));
    moteur.getRuntimeService().setVariable(instance, "fraisThr", Map.of("repas", "2", "montantRepas", "35.00", "nuitees", "1",
        "montantNuitees", "110.00", "total", "145.00"));
    List<String> entetes = ExportDossiers.entetes();
    String texte = new String(exporter("analyste", "format=csv&" + DossiersMesures.PERIODE).body(),
        StandardCharsets.UTF_8);
    List<String> a = Arrays.stream(texte.split("\r\n")).filter(l -> l.startsWith(dossiers.a + ";"))
        .map(l -> Arrays.asList(l.split(";", -1))).findFirst().orElseThrow();
    assertThat(a.get(entetes.indexOf("Coût de la formation"))).isEqualTo("1200,00");
    assertThat(a.get(entetes.indexOf("Prise en charge DIFE"))).isEqualTo("700,00");
    assertThat(a.get(entetes.indexOf("Contribution de la collectivité"))).isEqualTo("375,00");
    assertThat(a.get(entetes.indexOf("Reste à charge de l'élu"))).isEqualTo("125,00");
    assertThat(a.get(entetes.indexOf("Frais de repas"))).isEqualTo("35,00");
    assertThat(a.get(entetes.indexOf("Frais de nuitées"))).isEqualTo("110,00");
    assertThat(a.get(entetes.indexOf("Frais THR (total)"))).isEqualTo("145,00");

    try (ReadableWorkbook classeur = new ReadableWorkbook(new ByteArrayInputStream(
        exporter("analyste", "format=xlsx&" + DossiersMesures.PERIODE).body()), new ReadingOptions(true, false))) {
      Row ligne = classeur.getFirstSheet().read().stream().filter(l -> dossiers.a.equals(l.getCellText(0)))
          .findFirst().orElseThrow();
      int total = entetes.indexOf("Frais THR (total)");
      assertThat(ligne.getCellAsNumber(total)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("145.00"));
      assertThat(ligne.getCell(total).getDataFormatString()).contains("#,##0.00", "€");
      assertThat(ligne.getCellAsNumber(entetes.indexOf("Coût de la formation")))
          .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(new BigDecimal("1200")));
    }
  }

  @Test
  void refusClairsEtAssociationsDeChacun() throws Exception {
    HttpResponse<byte[]> format = exporter("analyste", "format=pdf");
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(new String(format.body(), StandardCharsets.UTF_8)).contains("format");
    assertThat(exporter("analyste", "statut=INCONNU").statusCode()).isEqualTo(400);
    assertThat(exporter("conseiller79", "association=aml45").statusCode()).isEqualTo(404);
    String adm79 = new String(exporter("conseiller79", "format=csv&depuis=2021-03-01&jusqua=2021-03-31").body(),
        StandardCharsets.UTF_8);
    assertThat(adm79).doesNotContain(dossiers.a, dossiers.b, dossiers.c);
  }
}
