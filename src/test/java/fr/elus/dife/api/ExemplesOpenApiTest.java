package fr.elus.dife.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The examples of /v3/api-docs are files that the API itself accepts and answers:
 * each request example is sent as it is, each answer example is what comes back.
 */
@ApplicationDemarree
class ExemplesOpenApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private static JsonNode exemple(String nom) {
    try (InputStream fichier = ExemplesOpenApiTest.class.getClassLoader()
        .getResourceAsStream(ExemplesOpenApi.DOSSIER + nom + ".json")) {
      return JSON.readTree(fichier).get("value").deepCopy();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void laDescriptionPublieChaqueExempleEtDesSchemasNommes() {
    JsonNode description = http.get("conseiller45", "/v3/api-docs").corps();

    JsonNode exemples = description.get("components").get("examples");
    assertThat(exemples.get("evenement-reponse-cdc").get("value").get("donnees").get("resolu").asBoolean()).isFalse();
    List<String> refsEvenements = description.at("/paths/~1api~1dossiers~1{reference}~1evenements/post/requestBody"
        + "/content/application~1json/examples").findValuesAsText("$ref");
    assertThat(refsEvenements).hasSize(8).allSatisfy(ref -> assertThat(exemples.has(ref.substring(ref.lastIndexOf('/') + 1)))
        .as(ref).isTrue());
    List<String> toutesLesRefs = description.get("paths").findValuesAsText("$ref");
    assertThat(toutesLesRefs).filteredOn(ref -> ref.startsWith(ExemplesOpenApi.EXEMPLES)).hasSize(exemples.size());
    assertThat(description.at("/components/schemas/ReponseRepartition/properties").has("plafondCollectivite")).isTrue();
    assertThat(description.at("/components/schemas/Ouverture/properties").has("avertissements")).isTrue();
    assertThat(description.toString()).doesNotContain("additionalProp");
  }

  @Test
  void lesExemplesDesReglesSontLesReponsesDeLApi() {
    assertThat(http.post("conseiller45", "/api/regles/repartition", exemple("regles-repartition-demande")).corps())
        .isEqualTo(exemple("regles-repartition"));
    assertThat(http.post("conseiller45", "/api/regles/frais-thr", exemple("regles-frais-thr-demande")).corps())
        .isEqualTo(exemple("regles-frais-thr"));
    assertThat(http.get("conseiller45", "/api/regles/delai-inscription?acceptation=2026-03-02&debut=2026-03-18").corps())
        .isEqualTo(exemple("regles-delai-inscription"));
  }

  /** Another élu than the example's, so that no other test's dossier makes it a duplicate. */
  private String ouvrirLExemple() {
    ObjectNode demande = (ObjectNode) exemple("dossier-ouverture");
    ((ObjectNode) demande.get("elu")).put("nir", DossiersDeTest.nirValide()).put("nomNaissance", DossiersDeTest.nomUnique());
    Reponse ouvert = http.post("conseiller45", "/api/dossiers", demande);
    assertThat(ouvert.statut()).isEqualTo(201);
    List<String> champs = new ArrayList<>();
    ouvert.corps().fieldNames().forEachRemaining(champs::add);
    List<String> champsExemple = new ArrayList<>();
    exemple("dossier-ouvert").fieldNames().forEachRemaining(champsExemple::add);
    assertThat(champs).isEqualTo(champsExemple);
    String reference = ouvert.corps().get("reference").asText();
    // the journey goes on asynchronously to its first wait: the account task
    Attente.jusqua("la tâche de création du compte",
        () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    return reference;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"evenement-courrier-recommande-recu", "evenement-ar24-valide",
      "evenement-verification-face-a-face-faite", "evenement-reponse-cdc", "evenement-proposition-organisme",
      "evenement-inscription-validee"})
  void chaqueExempleDEvenementEstUnCorpsValide(String nom) {
    String reference = ouvrirLExemple();
    ObjectNode evenement = (ObjectNode) exemple(nom);
    evenement.put("idEvenement", evenement.get("idEvenement").asText() + "-" + reference);

    Reponse reponse = http.post("conseiller45", "/api/dossiers/" + reference + "/evenements", evenement);

    // a new dossier waits for its MCF account: the event is understood, and refused only for its timing
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(409);
    assertThat(reponse.corps().get("message").asText()).contains("n'attend pas", evenement.get("type").asText());
  }

  @Test
  void lExempleDAbandonCloLeDossier() {
    String reference = ouvrirLExemple();

    Reponse reponse = http.post("conseiller45", "/api/dossiers/" + reference + "/abandon", exemple("abandon"));

    assertThat(reponse.statut()).isEqualTo(202);
    assertThat(reponse.corps().get("message").asText()).isEqualTo("Dossier " + reference + " abandonné.");
  }
}
