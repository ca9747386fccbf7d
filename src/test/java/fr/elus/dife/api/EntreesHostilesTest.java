package fr.elus.dife.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of hostile or malformed requests against every /api endpoint: each gets
 * its 4xx, a French JSON body whatever the Accept header, an answer within a
 * second or two, and writes nothing (no dossier, event, email, instance or variable).
 */
@ApplicationDemarree
class EntreesHostilesTest {

  private static final Logger LOG = LoggerFactory.getLogger(EntreesHostilesTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DUREE_MAX_MS = 2_000;
  private static final Pattern FRANCAIS = Pattern.compile(
      "[éèêàçù]|\\b(le|la|les|de|du|des|doit|est|pas|aucune?|une?)\\b|[ldn]'", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANGLAIS = Pattern.compile(
      "Bad Request|Not Found|Unsupported|Exception|Internal Server|error|Method Not Allowed|Forbidden");

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  HistoryService historyService;
  @Autowired
  TaskService taskService;

  private final HttpClient client = HttpClient.newHttpClient();

  private record Cas(String nom, String methode, String chemin, byte[] corps, int attendu, String... entetes) {
  }

  private static byte[] utf8(String texte) {
    return texte.getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON text with raw bytes in place of "@@" (to send what no Java string can hold). */
  private static byte[] avecOctets(String json, int... octets) {
    ByteArrayOutputStream flux = new ByteArrayOutputStream();
    String[] parties = json.split("@@", 2);
    flux.writeBytes(utf8(parties[0]));
    for (int o : octets) {
      flux.write(o);
    }
    flux.writeBytes(utf8(parties[1]));
    return flux.toByteArray();
  }

  private static String modifie(ObjectNode base, UnaryOperator<ObjectNode> changement) {
    return changement.apply(base.deepCopy()).toString();
  }

  private static ObjectNode elu(ObjectNode demande) {
    return (ObjectNode) demande.get("elu");
  }

  @Test
  void chaqueRequeteHostileAUne4xxFrancaiseRapideEtNEcritRien() throws Exception {
    ClientHttp http = new ClientHttp(port);
    String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
        .get("reference").asText();
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    String dossier = "/api/dossiers/" + reference;
    ObjectNode ouverture = DossiersDeTest.demande(false);
    String evenement = "{\"idEvenement\":\"hostile-1\",\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\"}";
    String repartition = "{\"coutFormation\":\"1200.00\",\"droitsDife\":\"700.00\","
        + "\"contributionCollectiviteDemandee\":\"400.00\"}";
    String fraisThr = "{\"repas\":2,\"dateSejour\":\"2026-03-18\",\"nuitees\":[{\"codeInsee\":\"75056\",\"nombre\":1}]}";
    Map<String, String> corpsValides = Map.of("/api/dossiers", ouverture.toString(), dossier + "/evenements", evenement,
        dossier + "/abandon", "{\"motif\":\"Test\"}", "/api/regles/repartition", repartition,
        "/api/regles/frais-thr", fraisThr);

    List<Cas> cas = new ArrayList<>();
    // the transport, for every endpoint that takes a body
    corpsValides.forEach((chemin, valide) -> {
      cas.add(new Cas("pas du JSON", "POST", chemin, utf8("{\"a\":"), 400));
      cas.add(new Cas("JSON suivi de déchets", "POST", chemin, utf8(valide + " {\"b\":1}"), 400));
      cas.add(new Cas("JSON suivi de texte", "POST", chemin, utf8(valide + "xyz"), 400));
      cas.add(new Cas("tableau", "POST", chemin, utf8("[]"), 400));
      cas.add(new Cas("null", "POST", chemin, utf8("null"), 400));
      cas.add(new Cas("corps vide", "POST", chemin, new byte[0], 400));
      cas.add(new Cas("nombre seul", "POST", chemin, utf8("42"), 400));
      cas.add(new Cas("texte brut", "POST", chemin, utf8(valide), 415, "Content-Type", "text/plain"));
      cas.add(new Cas("XML", "POST", chemin, utf8("<a/>"), 415, "Content-Type", "application/xml"));
      cas.add(new Cas("Accept XML, corps faux", "POST", chemin, utf8("{\"a\":"), 400, "Accept", "application/xml"));
      cas.add(new Cas("UTF-8 trop long (C0 AF)", "POST", chemin, avecOctets("{\"x\":\"@@\"}", 0xC0, 0xAF), 400));
      cas.add(new Cas("octet FF", "POST", chemin, avecOctets("{\"x\":\"@@\"}", 0xFF), 400));
      cas.add(new Cas("surrogat encodé (ED A0 80)", "POST", chemin, avecOctets("{\"x\":\"@@\"}", 0xED, 0xA0, 0x80),
          400));
      cas.add(new Cas("100 Kio", "POST", chemin, utf8("{\"x\":\"" + "a".repeat(100_000) + "\"}"), 413));
      cas.add(new Cas("imbrication profonde", "POST", chemin, utf8("[".repeat(5000) + "]".repeat(5000)), 400));
      cas.add(new Cas("PUT", "PUT", chemin, utf8(valide), 405));
      cas.add(new Cas("DELETE", "DELETE", chemin, null, 405));
    });

    // the fields of an opening
    Map<String, UnaryOperator<ObjectNode>> ouvertures = new java.util.LinkedHashMap<>();
    ouvertures.put("nom avec NUL", d -> { elu(d).put("nomNaissance", "MAR\u0000TIN"); return d; });
    ouvertures.put("nom avec BEL", d -> { elu(d).put("nomNaissance", "MAR\u0007TIN"); return d; });
    ouvertures.put("nom avec surrogat seul", d -> { elu(d).put("nomNaissance", "MAR\ud800TIN"); return d; });
    ouvertures.put("nom avec surrogat bas seul", d -> { elu(d).put("nomNaissance", "MARTIN\udc00"); return d; });
    ouvertures.put("nom avec contrôle C1", d -> { elu(d).put("nomNaissance", "MAR\u0085TIN"); return d; });
    ouvertures.put("nom avec DEL", d -> { elu(d).put("nomNaissance", "MAR\u007fTIN"); return d; });
    ouvertures.put("prénoms avec échappement", d -> { elu(d).put("prenoms", "Claire\u001b[31m"); return d; });
    ouvertures.put("nom de 10 000 caractères", d -> { elu(d).put("nomNaissance", "A".repeat(10_000)); return d; });
    ouvertures.put("nom nombre", d -> { elu(d).put("nomNaissance", 12); return d; });
    ouvertures.put("nom objet", d -> { elu(d).putObject("nomNaissance"); return d; });
    ouvertures.put("lieu avec NUL", d -> { elu(d).put("lieuNaissance", "Orl\u0000éans"); return d; });
    ouvertures.put("courriel avec NUL", d -> { elu(d).put("email", "a\u0000@example.org"); return d; });
    ouvertures.put("courriel sans @", d -> { elu(d).put("email", "pas-un-courriel"); return d; });
    ouvertures.put("droits 1e4000", d -> { d.put("droitsDife", "1e4000"); return d; });
    ouvertures.put("droits 1e300000", d -> { d.put("droitsDife", "1e300000"); return d; });
    ouvertures.put("droits 50 chiffres", d -> { d.put("droitsDife", "9".repeat(50)); return d; });
    ouvertures.put("droits négatifs", d -> { d.put("droitsDife", "-5"); return d; });
    ouvertures.put("droits NaN", d -> { d.put("droitsDife", "NaN"); return d; });
    ouvertures.put("droits Infinity", d -> { d.put("droitsDife", "Infinity"); return d; });
    ouvertures.put("droits nombre 1e400", d -> { d.set("droitsDife", JSON.getNodeFactory().numberNode(
        new java.math.BigDecimal("1e400"))); return d; });
    ouvertures.put("naissance an −999999999", d -> { elu(d).put("dateNaissance", "-999999999-01-01"); return d; });
    ouvertures.put("naissance an +10000", d -> { elu(d).put("dateNaissance", "+10000-01-01"); return d; });
    ouvertures.put("naissance an 1800", d -> { elu(d).put("dateNaissance", "1800-01-01"); return d; });
    ouvertures.put("naissance 31 février", d -> { elu(d).put("dateNaissance", "1971-02-31"); return d; });
    ouvertures.put("NIR faux", d -> { elu(d).put("nir", "123"); return d; });
    ouvertures.put("NIR avec NUL", d -> { elu(d).put("nir", "27104452341\u00002358"); return d; });
    ouvertures.put("code INSEE avec lettres", d -> { ((ObjectNode) elu(d).get("collectivite")).put("codeInsee", "4S2B4");
      return d; });
    ouvertures.put("situation absente", d -> { d.remove("situation"); return d; });
    ouvertures.put("association d'un autre", d -> { d.put("association", "adm79"); return d; });
    ouvertures.put("association avec NUL", d -> { d.put("association", "aml\u000045"); return d; });
    ouvertures.forEach((nom, changement) -> cas.add(new Cas(nom, "POST", "/api/dossiers",
        utf8(modifie(ouverture, changement)), 400)));

    // events and abandons
    String[] evenementsFaux = {
        "{\"idEvenement\":\"id\\u0000nul\",\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\"}",
        "{\"idEvenement\":\"" + "x".repeat(101) + "\",\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\"}",
        "{\"idEvenement\":\"id-é\",\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\"}",
        "{\"idEvenement\":\"h2\",\"type\":\"INCONNU\",\"date\":\"2026-03-02\"}",
        "{\"idEvenement\":\"h3\",\"type\":\"AR24_VALIDE\",\"date\":\"+10000-03-02\"}",
        "{\"idEvenement\":\"h4\",\"type\":\"AR24_VALIDE\",\"date\":\"-999999999-01-01\"}",
        "{\"idEvenement\":\"h5\",\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\",\"donnees\":[1]}",
        "{\"idEvenement\":\"h6\",\"type\":\"PROPOSITION_ORGANISME\",\"date\":\"2026-03-02\",\"donnees\":"
            + "{\"dateAcceptation\":\"2026-03-02\",\"dateDebut\":\"2026-04-01\",\"dateFin\":\"2026-04-02\","
            + "\"coutFormation\":\"1e300000\",\"codeInseeLieu\":\"45234\"}}",
        "{\"idEvenement\":\"h7\",\"type\":\"PROPOSITION_ORGANISME\",\"date\":\"2026-03-02\",\"donnees\":"
            + "{\"dateAcceptation\":\"2026-03-02\",\"dateDebut\":\"+10000-04-01\",\"dateFin\":\"2026-04-02\","
            + "\"coutFormation\":\"1200\",\"codeInseeLieu\":\"45234\"}}",
        "{\"idEvenement\":\"h8\",\"type\":\"REPONSE_CDC\",\"date\":\"2026-03-02\",\"donnees\":{\"resolu\":\"oui\"}}",
        "{\"idEvenement\":\"h9\",\"type\":\"INSCRIPTION_VALIDEE\",\"date\":\"2026-03-02\",\"donnees\":"
            + "{\"dateValidation\":\"-999999999-01-01\"}}",
        "{\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\"}",
        "{\"idEvenement\":\"h10\",\"type\":\"AR24_VALIDE\",\"date\":\"2026-03-02\\ud800\"}"};
    for (String faux : evenementsFaux) {
      cas.add(new Cas("événement " + faux.substring(0, Math.min(60, faux.length())), "POST", dossier + "/evenements",
          utf8(faux), 400));
    }
    for (String motif : new String[] {"{\"motif\":\"\\u0000\"}", "{\"motif\":\"a\\u0007b\"}",
        "{\"motif\":\"\\udfff\"}", "{\"motif\":\"" + "m".repeat(1001) + "\"}", "{\"motif\":12}", "{}"}) {
      cas.add(new Cas("abandon " + motif.substring(0, Math.min(30, motif.length())), "POST", dossier + "/abandon",
          utf8(motif), 400));
    }

    // parameters and paths
    String[][] lectures = {
        {"/api/dossiers?page=2147483647", "400"}, {"/api/dossiers?page=2147483648", "400"},
        {"/api/dossiers?page=-1", "400"}, {"/api/dossiers?page=abc", "400"}, {"/api/dossiers?page=1e3", "400"},
        {"/api/dossiers?taille=0", "400"}, {"/api/dossiers?taille=1000000", "400"}, {"/api/dossiers?taille=x", "400"},
        {"/api/dossiers?taille=-2147483648", "400"}, {"/api/dossiers?statut=INCONNU", "400"},
        {"/api/dossiers?statut=%00", "400"}, {"/api/dossiers/DIFE-9999-999999", "404"},
        {"/api/dossiers/" + "A".repeat(1000), "404"}, {"/api/dossiers/%00", "400"}, {"/api/dossiers/a%5Cb", "400"},
        {"/api/dossiers/a%2Fb", "400"}, {"/api/inconnu", "404"}, {"/api/dossiers/a/b/c", "404"},
        {"/api/regles/inconnue", "404"}, {"/api/regles/delai-inscription", "400"},
        {"/api/regles/delai-inscription?acceptation=10000-01-01&debut=10000-02-01", "400"},
        {"/api/regles/delai-inscription?acceptation=-999999999-01-01&debut=2026-03-18", "400"},
        {"/api/regles/delai-inscription?acceptation=2026-03-02&debut=%2B999999999-12-31", "400"},
        {"/api/regles/delai-inscription?acceptation=2026-03-02&debut=2099-12-31&departement=abc", "400"},
        {"/api/regles/delai-inscription?acceptation=2026-03-02&debut=2026-03-18&departement=%00", "400"}};
    for (String[] lecture : lectures) {
      cas.add(new Cas("lecture " + lecture[0], "GET", lecture[0], null, Integer.parseInt(lecture[1])));
      cas.add(new Cas("lecture XML " + lecture[0], "GET", lecture[0], null, Integer.parseInt(lecture[1]),
          "Accept", "application/xml"));
    }
    cas.add(new Cas("liste en XML", "GET", "/api/dossiers", null, 406, "Accept", "application/xml"));
    cas.add(new Cas("dossier en XML", "GET", dossier, null, 406, "Accept", "application/xml"));
    cas.add(new Cas("POST sur un dossier", "POST", dossier, utf8("{}"), 405));
    cas.add(new Cas("DELETE d'un dossier", "DELETE", dossier, null, 405));
    cas.add(new Cas("PATCH de la liste", "PATCH", "/api/dossiers", utf8("{}"), 405));

    // the rules: amounts, counts and dates bounded before any arithmetic
    String[] regles = {
        "{\"coutFormation\":\"1e300000\",\"droitsDife\":\"700\",\"contributionCollectiviteDemandee\":\"0\"}",
        "{\"coutFormation\":\"" + "9".repeat(50) + "\",\"droitsDife\":\"700\",\"contributionCollectiviteDemandee\":\"0\"}",
        "{\"coutFormation\":1e400,\"droitsDife\":\"700\",\"contributionCollectiviteDemandee\":\"0\"}",
        "{\"coutFormation\":\"1200\",\"droitsDife\":\"NaN\",\"contributionCollectiviteDemandee\":\"0\"}",
        "{\"coutFormation\":\"1200\",\"droitsDife\":\"700\",\"contributionCollectiviteDemandee\":\"-Infinity\"}",
        "{\"coutFormation\":\"1200\\u0000\",\"droitsDife\":\"700\",\"contributionCollectiviteDemandee\":\"0\"}"};
    for (String r : regles) {
      cas.add(new Cas("répartition " + r.substring(0, 40), "POST", "/api/regles/repartition", utf8(r), 400));
    }
    String[] frais = {"{\"repas\":4294967297,\"nuitees\":[]}", "{\"repas\":-1,\"nuitees\":[]}",
        "{\"repas\":367,\"nuitees\":[]}", "{\"repas\":\"deux\",\"nuitees\":[]}", "{\"repas\":1e10,\"nuitees\":[]}",
        "{\"repas\":2.5,\"nuitees\":[]}", "{\"repas\":1,\"nuitees\":{}}",
        "{\"repas\":1,\"nuitees\":[{\"codeInsee\":\"75056\",\"nombre\":4294967297}]}",
        "{\"repas\":1,\"nuitees\":[{\"codeInsee\":\"75\\u00000056\",\"nombre\":1}]}",
        "{\"repas\":1,\"dateSejour\":\"+10000-01-01\",\"nuitees\":[]}",
        "{\"repas\":1,\"dateSejour\":\"-999999999-01-01\",\"nuitees\":[]}"};
    for (String f : frais) {
      cas.add(new Cas("frais THR " + f, "POST", "/api/regles/frais-thr", utf8(f), 400));
    }

    long[] avant = etat(reference);
    List<String> ecarts = new ArrayList<>();
    long pire = 0;
    String lePlusLent = null;
    for (Cas c : cas) {
      long debut = System.nanoTime();
      HttpResponse<String> reponse = envoyer(c);
      long duree = (System.nanoTime() - debut) / 1_000_000;
      if (duree > pire) {
        pire = duree;
        lePlusLent = c.nom();
      }
      String defaut = defaut(c, reponse, duree);
      long[] apres = etat(reference);
      if (!java.util.Arrays.equals(avant, apres)) {
        defaut = (defaut == null ? "" : defaut + " ; ") + "a écrit : " + java.util.Arrays.toString(avant) + " → "
            + java.util.Arrays.toString(apres);
        avant = apres;
      }
      if (defaut != null) {
        ecarts.add(c.nom() + " (" + c.methode() + " " + abrege(c.chemin()) + ") : " + defaut);
      }
    }
    LOG.info("Entrées hostiles : {} cas, pire temps {} ms ({}), {} écarts", cas.size(), pire, lePlusLent, ecarts.size());
    assertThat(cas).hasSizeGreaterThanOrEqualTo(150);
    assertThat(ecarts).as("écarts").isEmpty();
  }

  /** What is wrong with the answer, or null. */
  private static String defaut(Cas c, HttpResponse<String> reponse, long duree) {
    if (reponse.statusCode() != c.attendu()) {
      return "statut " + reponse.statusCode() + " au lieu de " + c.attendu() + " " + abrege(reponse.body());
    }
    if (duree > DUREE_MAX_MS) {
      return duree + " ms";
    }
    if (!reponse.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      return "pas du JSON : " + reponse.headers().firstValue("Content-Type").orElse("?") + " " + abrege(reponse.body());
    }
    JsonNode corps;
    try {
      corps = JSON.readTree(reponse.body());
    } catch (Exception e) {
      return "JSON illisible : " + abrege(reponse.body());
    }
    List<String> messages = new ArrayList<>();
    if (corps.hasNonNull("message")) {
      messages.add(corps.get("message").asText());
    }
    corps.path("erreurs").forEach(e -> messages.add(e.path("message").asText()));
    if (messages.isEmpty() || messages.stream().anyMatch(m -> !FRANCAIS.matcher(m).find() || ANGLAIS.matcher(m).find())) {
      return "message pas en français : " + abrege(reponse.body());
    }
    return null;
  }

  private HttpResponse<String> envoyer(Cas c) throws Exception {
    HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.chemin()))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("conseiller45:demo")));
    List<String> entetes = List.of(c.entetes());
    if (c.corps() != null && !entetes.contains("Content-Type")) {
      requete.header("Content-Type", "application/json");
    }
    if (entetes.size() > 0) {
      requete.headers(c.entetes());
    }
    requete.method(c.methode(), c.corps() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(c.corps()));
    return client.send(requete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Counts that a write through /api would change; the jobs other test classes left
   * behind may still send emails or move their own dossiers meanwhile, so only what
   * /api alone creates, and the test dossier itself, are counted.
   */
  private long[] etat(String reference) {
    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("dife-parcours").singleResult().getId();
    return new long[] {
        count("select count(*) from dife_dossier"), count("select count(*) from dife_evenement"),
        count("select coalesce(sum(dernier_numero), 0) from dife_compteur_reference"),
        count("select count(*) from dife_courriel where reference = '" + reference + "'"),
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dife-parcours").count(),
        historyService.createHistoricDetailQuery().processInstanceId(instance).count(),
        historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()};
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  private static String abrege(String texte) {
    return texte == null ? "" : texte.substring(0, Math.min(140, texte.length()));
  }
}
