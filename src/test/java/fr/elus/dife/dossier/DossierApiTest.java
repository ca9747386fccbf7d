package fr.elus.dife.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.EnParallele;
import fr.elus.dife.parcours.StatutDossier;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST and GET /api/dossiers over real HTTP: validation, conflicts, associations, authentication. */
@ApplicationDemarree
class DossierApiTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;

  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private String ouvrir(String utilisateur, ObjectNode demande) {
    Reponse reponse = http.post(utilisateur, "/api/dossiers", demande);
    assertThat(reponse.statut()).as(String.valueOf(reponse.corps())).isEqualTo(201);
    return reponse.corps().get("reference").asText();
  }

  // ---------------------------------------------------------------- opening

  @Test
  void ouvrirRepond201AvecReferenceLocationEtStatut() {
    Reponse reponse = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false));

    assertThat(reponse.statut()).isEqualTo(201);
    String reference = reponse.corps().get("reference").asText();
    assertThat(reference).matches("DIFE-" + LocalDate.now(CalendrierOuvre.FUSEAU).getYear() + "-\\d{6}");
    assertThat(reponse.entete("Location")).isEqualTo("/api/dossiers/" + reference);
    assertThat(reponse.corps().get("statutDossier").asText()).isEqualTo("OUVERT");
    String instance = reponse.corps().get("processInstanceId").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult())
        .satisfies(i -> {
          assertThat(i.getBusinessKey()).isEqualTo(reference);
          assertThat(i.getTenantId()).isEqualTo("aml45");
        });
  }

  @Test
  void lesDroitsAuDelaDe800EurosDonnentUnAvertissementPasUneErreur() {
    ObjectNode demande = DossiersDeTest.demande(false);
    demande.put("droitsDife", "1200.00");

    Reponse reponse = http.post("conseiller45", "/api/dossiers", demande);

    assertThat(reponse.statut()).isEqualTo(201);
    assertThat(reponse.corps().get("avertissements").get(0).asText()).contains("800 €");
  }

  static Stream<Arguments> saisiesInvalides() {
    return Stream.of(
        cas("elu.nir", d -> eluDe(d).put("nir", "271044523412345")),
        cas("elu.nir", d -> eluDe(d).put("nir", "2710445234123")),
        cas("elu.telephoneMobile", d -> eluDe(d).put("telephoneMobile", "0123456789")),
        cas("elu.telephoneMobile", d -> eluDe(d).put("telephoneMobile", "061234567")),
        cas("elu.telephoneMobile", d -> eluDe(d).remove("telephoneMobile")),
        cas("elu.telephoneFixe", d -> eluDe(d).put("telephoneFixe", "0812345678")),
        cas("elu.telephoneFixe", d -> eluDe(d).put("telephoneFixe", "0612345678")),
        cas("elu.email", d -> eluDe(d).put("email", "claire.durand-at-example.org")),
        cas("elu.dateNaissance", d -> eluDe(d).put("dateNaissance", LocalDate.now(CalendrierOuvre.FUSEAU).plusDays(1).toString())),
        cas("elu.dateNaissance", d -> eluDe(d).put("dateNaissance", LocalDate.now(CalendrierOuvre.FUSEAU).minusYears(17).toString())),
        cas("elu.dateNaissance", d -> eluDe(d).put("dateNaissance", "12/04/1971")),
        cas("elu.collectivite.codeInsee", d -> ((ObjectNode) eluDe(d).get("collectivite")).put("codeInsee", "4528")),
        cas("elu.collectivite.codeInsee", d -> ((ObjectNode) eluDe(d).get("collectivite")).put("codeInsee", "2C004")),
        cas("elu.collectivite", d -> eluDe(d).remove("collectivite")),
        cas("elu.nomNaissance", d -> eluDe(d).remove("nomNaissance")),
        cas("elu.nomNaissance", d -> eluDe(d).put("nomNaissance", "M4RTIN")),
        cas("elu.nationalite", d -> eluDe(d).put("nationalite", "France")),
        cas("elu.mandat", d -> eluDe(d).put("mandat", "")),
        cas("situation.smartphone.os", d -> ((ObjectNode) d.get("situation").get("smartphone")).put("os", "WINDOWS")),
        cas("situation.smartphone.version", d -> ((ObjectNode) d.get("situation").get("smartphone")).remove("version")),
        cas("situation.preferenceCanal", d -> ((ObjectNode) d.get("situation")).put("preferenceCanal", "TELEPHONE")),
        cas("situation.compteFormation", d -> ((ObjectNode) d.get("situation")).put("compteFormation", "oui")),
        cas("situation.cameraEtMicro", d -> ((ObjectNode) d.get("situation")).remove("cameraEtMicro")),
        cas("situation", d -> d.remove("situation")),
        cas("droitsDife", d -> d.put("droitsDife", "-5.00")),
        cas("droitsDife", d -> d.put("droitsDife", "10.005")),
        cas("droitsDife", d -> d.put("droitsDife", "sept cents")),
        cas("droitsDife", d -> d.put("droitsDife", "12345678901234567890123456789012345678901234567890")),
        cas("droitsDife", d -> d.put("droitsDife", new java.math.BigDecimal("1E+4000"))),
        cas("droitsDife", d -> d.put("droitsDife", "1e4000")),
        cas("elu.dateNaissance", d -> eluDe(d).put("dateNaissance", "-999999999-01-01")),
        cas("elu.dateNaissance", d -> eluDe(d).put("dateNaissance", "1899-12-31")),
        cas("association", d -> d.put("association", "adm79")));
  }

  private static Arguments cas(String champ, Consumer<ObjectNode> alteration) {
    return Arguments.of(champ, alteration);
  }

  private static ObjectNode eluDe(ObjectNode demande) {
    return (ObjectNode) demande.get("elu");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("saisiesInvalides")
  void uneSaisieInvalideDonne400NommantLeChampEtNeCreeRien(String champ, Consumer<ObjectNode> alteration) {
    ObjectNode demande = DossiersDeTest.demande(false);
    alteration.accept(demande);
    long dossiersAvant = compterDossiers();
    long instancesAvant = runtimeService.createProcessInstanceQuery().count();

    Reponse reponse = http.post("conseiller45", "/api/dossiers", demande);

    assertThat(reponse.statut()).isEqualTo(400);
    JsonNode erreurs = reponse.corps().get("erreurs");
    assertThat(erreurs).hasSize(1);
    assertThat(erreurs.get(0).get("champ").asText()).isEqualTo(champ);
    assertThat(erreurs.get(0).get("message").asText()).contains(champ.equals("elu.collectivite") ? "collectivite" : champ);
    assertThat(compterDossiers()).isEqualTo(dossiersAvant);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesAvant);
  }

  @Test
  void toutesLesErreursSontNommeesDansLaMemeReponseSansCiterLeNir() {
    ObjectNode demande = DossiersDeTest.demande(false);
    eluDe(demande).put("nir", "271044523412345").put("email", "x").remove("prenoms");
    ((ObjectNode) demande.get("situation")).remove("preferenceCanal");

    Reponse reponse = http.post("conseiller45", "/api/dossiers", demande);

    assertThat(reponse.statut()).isEqualTo(400);
    assertThat(reponse.corps().get("erreurs").findValuesAsText("champ"))
        .containsExactlyInAnyOrder("elu.nir", "elu.email", "elu.prenoms", "situation.preferenceCanal");
    assertThat(reponse.brute().body()).doesNotContain("271044523412345");
  }

  @Test
  void unCorpsQuiNestPasDuJsonDonne400() {
    Reponse reponse = http.post("conseiller45", "/api/dossiers", "{pas du json");

    assertThat(reponse.statut()).isEqualTo(400);
    assertThat(reponse.corps().get("erreurs").get(0).get("champ").asText()).isEqualTo("corps");
  }

  @Test
  void lesFormesAdmisesDesChampsSontAcceptees() {
    ObjectNode demande = DossiersDeTest.demande(false);
    eluDe(demande).put("nir", "1 85 05 2A 012 345 79").put("telephoneMobile", "07.12.34.56.78")
        .put("telephoneFixe", "09 12 34 56 78");
    ((ObjectNode) eluDe(demande).get("collectivite")).put("codeInsee", "2A004");
    ((ObjectNode) demande.get("situation").get("smartphone")).put("os", "AUCUN").remove("version");
    demande.remove("droitsDife");

    String reference = ouvrir("conseiller45", demande);

    JsonNode vue = http.get("conseiller45", "/api/dossiers/" + reference).corps();
    assertThat(vue.get("elu").get("nirMasque").asText()).isEqualTo("1 85 05 ** *** *** 79");
    assertThat(vue.get("droitsDife").isNull()).isTrue();
  }

  // ---------------------------------------------------------------- duplicates

  @Test
  void unSecondDossierOuvertPourLeMemeNirDonne409DansLaMemeAssociationSeulement() {
    ObjectNode demande = DossiersDeTest.demande(false);
    ouvrir("conseiller45", demande);
    ObjectNode memeElu = demande.deepCopy();
    eluDe(memeElu).put("nomNaissance", DossiersDeTest.nomUnique());

    Reponse doublon = http.post("conseiller45", "/api/dossiers", memeElu);

    assertThat(doublon.statut()).isEqualTo(409);
    assertThat(doublon.corps().get("message").asText()).contains("existe déjà");
    assertThat(http.post("conseiller79", "/api/dossiers", demande).statut()).isEqualTo(201);
  }

  @Test
  void sansNirLeDoublonSeReconnaitAuNomAuxPrenomsEtALaDateDeNaissance() {
    ObjectNode demande = DossiersDeTest.demande(false);
    eluDe(demande).remove("nir");
    ouvrir("conseiller45", demande);
    ObjectNode memeElu = demande.deepCopy();
    eluDe(memeElu).put("nomNaissance", eluDe(demande).get("nomNaissance").asText().toLowerCase())
        .put("prenoms", "claire  anne");

    assertThat(http.post("conseiller45", "/api/dossiers", memeElu).statut()).isEqualTo(409);
    eluDe(memeElu).put("dateNaissance", "1971-04-13");
    assertThat(http.post("conseiller45", "/api/dossiers", memeElu).statut()).isEqualTo(201);
  }

  @Test
  void unDossierClosLaisseLEluEnOuvrirUnNouveau() {
    ObjectNode demande = DossiersDeTest.demande(false);
    String premier = ouvrir("conseiller45", demande);
    assertThat(http.post("conseiller45", "/api/dossiers", demande).statut()).isEqualTo(409);
    // a steady state first: deleting while the job executor moves the dossier would race with it
    Attente.jusqua("la tâche de création du compte", () ->
        taskService.createTaskQuery().processInstanceBusinessKey(premier).count() == 1);
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(premier).list().stream()
        .filter(i -> i.getRootProcessInstanceId().equals(i.getId()))
        .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "essai de clôture"));

    assertThat(http.get("conseiller45", "/api/dossiers/" + premier).corps().hasNonNull("dateCloture")).isTrue();
    String second = ouvrir("conseiller45", demande);

    assertThat(second).isNotEqualTo(premier);
  }

  @Test
  void desOuverturesSimultaneesOntDesReferencesDistinctesEtUnSeulDossierParElu() throws Exception {
    List<Callable<Reponse>> elusDifferents = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ObjectNode demande = DossiersDeTest.demande(false);
      elusDifferents.add(() -> http.post("conseiller45", "/api/dossiers", demande));
    }
    ObjectNode memeElu = DossiersDeTest.demande(false);
    List<Callable<Reponse>> memeEluSixFois = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      memeEluSixFois.add(() -> http.post("conseiller45", "/api/dossiers", memeElu));
    }

    Set<String> references = new HashSet<>();
    for (Reponse reponse : EnParallele.executer(elusDifferents)) {
      assertThat(reponse.statut()).isEqualTo(201);
      references.add(reponse.corps().get("reference").asText());
    }
    assertThat(references).hasSize(8);

    List<Integer> statuts = EnParallele.executer(memeEluSixFois).stream().map(Reponse::statut).toList();
    assertThat(statuts).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
  }

  // ---------------------------------------------------------------- reading

  @Test
  void laVueDuDossierMontreStatutEtapeEtHistoriqueSansLeNir() {
    ObjectNode demande = DossiersDeTest.demande(false);
    String nir = eluDe(demande).get("nir").asText();
    String reference = ouvrir("conseiller45", demande);
    Attente.jusqua("la tâche de création du compte", () ->
        taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);

    Reponse reponse = http.get("conseiller45", "/api/dossiers/" + reference);

    assertThat(reponse.statut()).isEqualTo(200);
    JsonNode vue = reponse.corps();
    assertThat(vue.get("reference").asText()).isEqualTo(reference);
    assertThat(vue.get("statutDossier").asText()).isEqualTo("COMPTE_FORMATION");
    assertThat(vue.get("etapes").findValuesAsText("activite")).containsExactly("Tache_CreerCompteFormation");
    assertThat(vue.get("echeances").isArray()).isTrue();
    assertThat(vue.has("repartition")).isTrue();
    assertThat(vue.get("historique").findValuesAsText("description"))
        .containsSubsequence("Statut du dossier : OUVERT", "Statut du dossier : COMPTE_FORMATION");
    assertThat(vue.get("elu").get("nirMasque").asText()).isEqualTo(nir.charAt(0) + " " + nir.substring(1, 3) + " "
        + nir.substring(3, 5) + " ** *** *** " + nir.substring(13));
    assertThat(reponse.brute().body()).doesNotContain(nir);
  }

  @Test
  void unDossierInconnuOuDUneAutreAssociationDonne404() {
    String reference = ouvrir("conseiller45", DossiersDeTest.demande(false));

    assertThat(http.get("conseiller45", "/api/dossiers/DIFE-1999-000001").statut()).isEqualTo(404);
    assertThat(http.get("conseiller79", "/api/dossiers/" + reference).statut()).isEqualTo(404);
    assertThat(http.get("superviseur45", "/api/dossiers/" + reference).statut()).isEqualTo(200);
    assertThat(http.get("analyste", "/api/dossiers/" + reference).statut()).isEqualTo(200);
  }

  @Test
  void laListeEstPagineeFiltreeParStatutEtLimiteeALAssociation() {
    String chez45 = ouvrir("conseiller45", DossiersDeTest.demande(false));
    String chez79 = ouvrir("conseiller79", DossiersDeTest.demande(false));
    Attente.jusqua("l'étape compte formation", () ->
        taskService.createTaskQuery().processInstanceBusinessKey(chez45).count() == 1);

    JsonNode page = http.get("conseiller45", "/api/dossiers?taille=1&page=0").corps();
    assertThat(page.get("dossiers")).hasSize(1);
    assertThat(page.get("total").asLong()).isGreaterThan(1);
    assertThat(page.get("taille").asInt()).isEqualTo(1);

    List<String> de45 = http.get("conseiller45", "/api/dossiers?taille=100").corps().get("dossiers").findValuesAsText("reference");
    assertThat(de45).contains(chez45).doesNotContain(chez79);
    assertThat(http.get("conseiller45", "/api/dossiers?taille=100").corps().get("dossiers").findValuesAsText("association"))
        .containsOnly("aml45");
    assertThat(http.get("conseiller45", "/api/dossiers?statut=COMPTE_FORMATION&taille=100").corps()
        .get("dossiers").findValuesAsText("statutDossier")).containsOnly("COMPTE_FORMATION").isNotEmpty();
    // other tests may have abandoned dossiers: the filter keeps only those
    JsonNode abandonnes = http.get("conseiller45", "/api/dossiers?statut=CLOS_ABANDON&taille=100").corps().get("dossiers");
    assertThat(abandonnes.findValuesAsText("statutDossier")).allMatch("CLOS_ABANDON"::equals);
    assertThat(abandonnes.findValuesAsText("reference")).doesNotContain(chez45);
    assertThat(http.get("analyste", "/api/dossiers?taille=100").corps().get("dossiers").findValuesAsText("reference"))
        .contains(chez45, chez79);

    Reponse statutInconnu = http.get("conseiller45", "/api/dossiers?statut=PERDU");
    assertThat(statutInconnu.statut()).isEqualTo(400);
    assertThat(statutInconnu.corps().get("erreurs").get(0).get("champ").asText()).isEqualTo("statut");
    assertThat(http.get("conseiller45", "/api/dossiers?taille=0").statut()).isEqualTo(400);
  }

  @Test
  void lesPagesSeSuiventDuPlusRecentAuPlusAncienSansDoublonEtAvecLeursColonnes() {
    List<String> ouverts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ouverts.add(ouvrir("conseiller45", DossiersDeTest.demande(false)));
    }
    Attente.jusqua("la fin des continuations", () -> managementService.createJobQuery().executable().count() == 0);

    // one association (conseiller45) and all of them (analyste): the two orders of the list
    for (String utilisateur : List.of("conseiller45", "analyste")) {
      List<JsonNode> lignes = new ArrayList<>();
      long total = 0;
      for (int page = 0; page < 4; page++) {
        JsonNode reponse = http.get(utilisateur, "/api/dossiers?taille=2&page=" + page).corps();
        total = reponse.get("total").asLong();
        reponse.get("dossiers").forEach(lignes::add);
      }
      List<String> references = lignes.stream().map(l -> l.get("reference").asText()).toList();
      assertThat(references).as(utilisateur).doesNotHaveDuplicates().hasSize((int) Math.min(8, total));
      assertThat(lignes.stream().map(l -> l.get("dateOuverture").asText()).toList()).as(utilisateur)
          .isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(lignes).as(utilisateur).allSatisfy(l -> {
        assertThat(l.get("statutDossier").isNull()).isFalse();
        assertThat(l.get("nomNaissance").isNull()).isFalse();
      });
      if (utilisateur.equals("conseiller45")) {
        List<String> duPlusRecent = new ArrayList<>(ouverts);
        Collections.reverse(duPlusRecent);
        assertThat(references.subList(0, 3)).containsExactlyElementsOf(duPlusRecent);
      }
    }
  }

  @Test
  void leTotalEstLeNombreDeDossiersQueLesPagesMontrentParStatutOuSansFiltre() {
    String abandonne = ouvrir("conseiller45", DossiersDeTest.demande(false));
    ouvrir("conseiller79", DossiersDeTest.demande(true));
    Attente.jusqua("l'étape compte formation", () ->
        taskService.createTaskQuery().processInstanceBusinessKey(abandonne).count() == 1);
    assertThat(http.post("conseiller45", "/api/dossiers/" + abandonne + "/abandon",
        Map.of("motif", "L'élu quitte son mandat.")).statut()).isEqualTo(202);
    Attente.jusqua("la fin des continuations", () -> managementService.createJobQuery().executable().count() == 0);

    for (String utilisateur : List.of("conseiller45", "conseiller79", "analyste")) {
      List<String> filtres = new ArrayList<>(Stream.of(StatutDossier.values()).map(s -> "&statut=" + s).toList());
      filtres.add("");
      for (String statut : filtres) {
        List<String> lignes = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || lignes.size() < total && page < 100; page++) {
          JsonNode reponse = http.get(utilisateur, "/api/dossiers?taille=100" + statut + "&page=" + page).corps();
          total = reponse.get("total").asLong();
          if (reponse.get("dossiers").isEmpty()) {
            break;
          }
          lignes.addAll(reponse.get("dossiers").findValuesAsText("reference"));
        }
        assertThat(total).as(utilisateur + ", " + statut).isEqualTo(lignes.size());
      }
    }
    assertThat(http.get("conseiller45", "/api/dossiers?statut=CLOS_ABANDON&taille=100").corps().get("total").asLong())
        .isEqualTo(jdbc.queryForObject("select count(*) from dife_dossier d join dife_dossier_lecture l "
            + "on l.reference = d.reference where d.association = 'aml45' and l.statut = 'CLOS_ABANDON'", Long.class))
        .isPositive();
  }

  // ---------------------------------------------------------------- rights

  @Test
  void sansIdentifiantsValidesToutRepond401() {
    // a user of its own: Camunda delays the logins of a user after wrong passwords
    if (identityService.createUserQuery().userId("essaimotdepasse").count() == 0) {
      User essai = identityService.newUser("essaimotdepasse");
      essai.setPassword("le-bon-mot-de-passe");
      identityService.saveUser(essai);
      identityService.createTenantUserMembership("aml45", essai.getId());
    }
    // from an address of their own: wrong passwords slow down their sender (FreinMotsDePasse)
    String[] ailleurs = {"X-Forwarded-For", "192.0.2.34"};
    for (String chemin : List.of("/api/dossiers", "/engine-rest/task", "/engine-rest/process-instance")) {
      assertThat(http.get(null, chemin).statut()).as(chemin).isEqualTo(401);
      assertThat(http.getAvecMotDePasse("essaimotdepasse", "mauvais", chemin, ailleurs).statut()).as(chemin)
          .isEqualTo(401);
      assertThat(http.getAvecMotDePasse("inconnu", "demo", chemin, ailleurs).statut()).as(chemin).isEqualTo(401);
    }
    assertThat(http.post(null, "/api/dossiers", DossiersDeTest.demande(false)).statut()).isEqualTo(401);
    assertThat(http.get("conseiller45", "/engine-rest/task").statut()).isEqualTo(200);
  }

  @Test
  void lEtatDeSanteEstPublicEtNeDitRienDAutre() {
    Reponse sante = http.get(null, "/actuator/health");

    assertThat(sante.statut()).isEqualTo(200);
    // the status, and the name of the SMTP group (/actuator/health/courriel) for operators
    assertThat(sante.brute().body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"courriel\"]}");
    assertThat(http.get(null, "/actuator/health/courriel").brute().body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get(null, "/actuator/env").statut()).isEqualTo(404);
  }

  @Test
  void engineRestNeMontreQueLesDossiersDeSonAssociation() {
    String reference = ouvrir("conseiller45", DossiersDeTest.demande(false));
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);

    String taches = "/engine-rest/task?processInstanceBusinessKey=" + reference;
    String historique = "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference;
    String variables = "/engine-rest/history/variable-instance?variableName=nomNaissance";
    assertThat(http.get("conseiller45", taches).corps()).hasSize(1);
    assertThat(http.get("conseiller79", taches).corps()).isEmpty();
    assertThat(http.get("conseiller45", historique).corps()).hasSize(1);
    assertThat(http.get("conseiller79", historique).corps()).isEmpty();
    assertThat(http.get("conseiller45", variables).corps().findValuesAsText("tenantId")).containsOnly("aml45").isNotEmpty();
    assertThat(http.get("conseiller79", variables).corps().findValuesAsText("tenantId")).doesNotContain("aml45");
    assertThat(http.get("analyste", historique).corps()).hasSize(1);
  }

  @Test
  void unAnalysteNeFaitQueRegarder() {
    // the role is refused before the request is even looked at
    Reponse sansAssociation = http.post("analyste", "/api/dossiers", DossiersDeTest.demande(false));
    assertThat(sansAssociation.statut()).isEqualTo(403);
    assertThat(sansAssociation.corps().get("message").asText()).contains("conseillers et les superviseurs");

    ObjectNode demande = DossiersDeTest.demande(false);
    demande.put("association", "aml45");
    assertThat(http.post("analyste", "/api/dossiers", demande).statut()).isEqualTo(403);
  }

  @Test
  void unConseillerTermineLaTacheParEngineRestEtLHistoriqueLeNomme() {
    String reference = ouvrir("conseiller45", DossiersDeTest.demande(false));
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    String tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();

    Reponse dateFuture = http.post("conseiller45", "/engine-rest/task/" + tache + "/complete", Map.of("variables",
        Map.of("modeCreationCompte", Map.of("value", "FRANCECONNECT"),
            "dateCreationCompte", Map.of("value", LocalDate.now(CalendrierOuvre.FUSEAU).plusDays(3).toString()))));
    assertThat(dateFuture.statut()).isEqualTo(400);
    assertThat(dateFuture.corps().get("message").asText())
        .isEqualTo("Le champ « dateCreationCompte » ne peut pas être une date dans le futur.");
    assertThat(http.post("conseiller79", "/engine-rest/task/" + tache + "/complete", Map.of()).statut())
        .isIn(403, 404);

    Reponse terminee = http.post("conseiller45", "/engine-rest/task/" + tache + "/complete", Map.of("variables",
        Map.of("modeCreationCompte", Map.of("value", "FRANCECONNECT"),
            "dateCreationCompte", Map.of("value", LocalDate.now(CalendrierOuvre.FUSEAU).toString()))));

    assertThat(terminee.statut()).isEqualTo(204);
    JsonNode historique = http.get("conseiller45", "/api/dossiers/" + reference).corps().get("historique");
    assertThat(historique.findValuesAsText("type")).contains("TACHE");
    for (JsonNode fait : historique) {
      if (fait.get("type").asText().equals("TACHE")) {
        assertThat(fait.get("utilisateur").asText()).isEqualTo("conseiller45");
        assertThat(fait.get("description").asText()).isEqualTo("Accompagner la création du compte Mon Compte Formation");
      }
    }
  }

  @Test
  void unConseillerAbandonneUnDossierATouteEtape() {
    String reference = ouvrir("conseiller45", DossiersDeTest.demande(false));
    Attente.jusqua("la tâche de création du compte", () ->
        taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    String chemin = "/api/dossiers/" + reference + "/abandon";
    Map<String, String> motif = Map.of("motif", "L'élu quitte son mandat.");

    assertThat(http.post("conseiller45", chemin, Map.of()).corps().get("erreurs").get(0).get("champ").asText())
        .isEqualTo("motif");
    assertThat(http.post("analyste", chemin, motif).statut()).isEqualTo(403);
    assertThat(http.post("conseiller79", chemin, motif).statut()).isEqualTo(404);
    assertThat(http.post("conseiller45", chemin, motif).statut()).isEqualTo(202);

    JsonNode vue = http.get("conseiller45", "/api/dossiers/" + reference).corps();
    assertThat(vue.get("statutDossier").asText()).isEqualTo("CLOS_ABANDON");
    assertThat(vue.hasNonNull("dateCloture")).isTrue();
    assertThat(vue.get("motifCloture").asText()).isEqualTo("L'élu quitte son mandat.");
    assertThat(vue.get("etapes")).isEmpty();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(http.post("superviseur45", chemin, motif).statut()).isEqualTo(409);
  }

  private long compterDossiers() {
    Long nombre = jdbc.queryForObject("select count(*) from dife_dossier", Long.class);
    return nombre == null ? 0 : nombre;
  }
}
