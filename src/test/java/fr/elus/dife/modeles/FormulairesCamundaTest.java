package fr.elus.dife.modeles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms of forms/ against what Tasklist 7.24 renders (form-js 1.8.7,
 * schema version 16; each form is also rendered in Chromium by FormulairesTasklistTest),
 * and the links between user tasks and forms.
 */
class FormulairesCamundaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION_SCHEMA_TASKLIST = 16;
  /** The component types of form-js 1.8.7 (no file picker in that version). */
  private static final Set<String> TYPES_FORM_JS = Set.of("text", "textfield", "textarea", "number", "datetime",
      "checkbox", "checklist", "radio", "select", "taglist", "button", "group", "dynamiclist", "iframe", "image",
      "spacer", "separator", "table", "html", "expression");
  private static final Set<String> TYPES_SAISIE = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
      "checklist", "radio", "select", "taglist");
  private static final Pattern SECRET = Pattern.compile("(?i).*(password|motdepasse|mot_de_passe|codesecret|codesecurite).*");
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  static Stream<Path> formulaires() throws IOException {
    return Files.list(Path.of("forms")).filter(f -> f.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formulaires")
  void formulaireConformeATasklist(Path fichier) throws IOException {
    JsonNode formulaire = JSON.readTree(fichier.toFile());

    assertThat(formulaire.get("id").asText()).isEqualTo(fichier.getFileName().toString().replace(".form", ""));
    assertThat(formulaire.get("type").asText()).isEqualTo("default");
    assertThat(formulaire.get("schemaVersion").asInt()).isLessThanOrEqualTo(VERSION_SCHEMA_TASKLIST);
    assertThat(formulaire.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
    Set<String> ids = new HashSet<>();
    Set<String> cles = new HashSet<>();
    for (JsonNode composant : formulaire.get("components")) {
      String type = composant.get("type").asText();
      assertThat(TYPES_FORM_JS).as("type de %s", composant.get("id")).contains(type);
      assertThat(ids.add(composant.get("id").asText())).as("id unique %s", composant.get("id")).isTrue();
      if (TYPES_SAISIE.contains(type)) {
        String cle = composant.get("key").asText();
        assertThat(cles.add(cle)).as("clé unique %s", cle).isTrue();
        assertThat(cle).as("aucun mot de passe ni code de l'élu").doesNotMatch(SECRET);
        String libelle = composant.has("label") ? composant.get("label").asText() : composant.path("dateLabel").asText();
        assertThat(libelle).as("libellé de %s", cle).isNotBlank();
        if (type.equals("radio") || type.equals("checklist") || type.equals("select")) {
          assertThat(composant.get("values")).as("valeurs de %s", cle).isNotEmpty();
        }
      }
    }
    assertThat(cles).as("un formulaire saisit quelque chose").isNotEmpty();
  }

  @Test
  void chaqueTacheUtilisateurASonFormulaireEtChaqueFormulaireSaTache() throws IOException {
    Set<String> references = new HashSet<>();
    List<Path> modeles;
    try (Stream<Path> fichiers = Files.list(Path.of("bpmn"))) {
      modeles = fichiers.filter(f -> f.toString().endsWith(".bpmn")).toList();
    }
    for (Path modele : modeles) {
      String xml = Files.readString(modele);
      int taches = xml.split("<bpmn:userTask ", -1).length - 1;
      Matcher reference = FORM_REF.matcher(xml);
      int avecFormulaire = 0;
      while (reference.find()) {
        references.add(reference.group(1));
        avecFormulaire++;
      }
      assertThat(avecFormulaire).as("tâches de %s avec un formulaire", modele).isEqualTo(taches);
    }
    Set<String> formulaires = new HashSet<>();
    formulaires().forEach(f -> formulaires.add(f.getFileName().toString().replace(".form", "")));
    assertThat(formulaires).isEqualTo(references);
  }
}
