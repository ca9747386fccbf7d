package fr.elus.dife.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The examples of the API description, one JSON file each in openapi/exemples/
 * ({summary, value}), published as components/examples/&lt;file name&gt;: the
 * controllers' annotations only refer to them (ref = EXEMPLES + name), and the
 * tests send the very same files to the API.
 */
@Component
public class ExemplesOpenApi implements OpenApiCustomizer {

  public static final String EXEMPLES = "#/components/examples/";
  static final String DOSSIER = "openapi/exemples/";

  private final Map<String, Example> exemples;

  public ExemplesOpenApi(ObjectMapper json) throws IOException {
    this.exemples = lire(json);
  }

  private static Map<String, Example> lire(ObjectMapper json) throws IOException {
    Map<String, Example> exemples = new TreeMap<>();
    for (Resource fichier : new PathMatchingResourcePatternResolver().getResources("classpath*:" + DOSSIER + "*.json")) {
      String nom = fichier.getFilename().replaceFirst("\\.json$", "");
      try (InputStream contenu = fichier.getInputStream()) {
        JsonNode exemple = json.readTree(contenu);
        exemples.put(nom, new Example().summary(exemple.path("summary").asText(null))
            .value(json.treeToValue(exemple.get("value"), Object.class)));
      } catch (IOException e) {
        throw new UncheckedIOException("Exemple OpenAPI illisible : " + fichier, e);
      }
    }
    return exemples;
  }

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI description) {
    if (description.getComponents() == null) {
      description.setComponents(new Components());
    }
    exemples.forEach(description.getComponents()::addExamples);
  }
}
