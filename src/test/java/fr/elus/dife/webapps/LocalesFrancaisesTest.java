package fr.elus.dife.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's French locale of each Camunda webapp against the English one that
 * the 7.24 webjar serves: a key Camunda adds (or one forgotten) would show raw to a
 * conseiller, and a lost placeholder would show "{{name}}".
 */
class LocalesFrancaisesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MARQUES = Pattern.compile("\\{\\{\\s*\\w+\\s*}}|%[ds]|<a |</a>|<br/>|<strong>|\\{}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chaqueCleAnglaiseDeLaVersion724ASaTraductionFrancaise(String application) throws IOException {
    Map<String, String> anglais = feuilles(lire(application, "en.json"));
    Map<String, String> francais = feuilles(lire(application, "fr.json"));

    assertThat(anglais).as("locale anglaise de %s lue dans le webjar de Camunda", application).hasSizeGreaterThan(100);
    assertThat(francais.keySet()).as("clés françaises de %s", application).containsAll(anglais.keySet());
    List<String> defauts = new ArrayList<>();
    anglais.forEach((cle, texte) -> {
      String traduction = francais.get(cle);
      if (!texte.isEmpty() && traduction.isBlank()) {
        defauts.add(cle + " : vide");
      } else if (!marques(texte).equals(marques(traduction))) {
        defauts.add(cle + " : " + marques(texte) + " devient " + marques(traduction));
      }
    });
    assertThat(defauts).as("traductions de %s", application).isEmpty();
    // a sample that must read as French, not as a copy of the English file
    assertThat(francais.get("labels.PAGE_LOGIN_SIGN_IN_ACTION")).isEqualTo("Se connecter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void leFrancaisEstLaSeuleLangueEtLaLangueParDefaut(String application) throws IOException {
    String configuration = ressource("META-INF/resources/webjars/camunda/app/" + application + "/scripts/config.js");
    assertThat(configuration.replaceAll("\\s", ""))
        .contains("availableLocales:['fr']", "fallbackLocale:'fr'", "dateFormat:{");
  }

  private static JsonNode lire(String application, String fichier) throws IOException {
    String texte = ressource("META-INF/resources/webjars/camunda/app/" + application + "/locales/" + fichier);
    return JSON.readTree(texte.startsWith("\uFEFF") ? texte.substring(1) : texte);
  }

  private static String ressource(String chemin) throws IOException {
    try (InputStream flux = LocalesFrancaisesTest.class.getClassLoader().getResourceAsStream(chemin)) {
      assertThat(flux).as(chemin).isNotNull();
      return new String(flux.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> feuilles(JsonNode noeud) {
    Map<String, String> feuilles = new LinkedHashMap<>();
    parcourir("", noeud, feuilles);
    return feuilles;
  }

  private static void parcourir(String chemin, JsonNode noeud, Map<String, String> feuilles) {
    if (noeud.isObject()) {
      noeud.fields().forEachRemaining(e -> parcourir(chemin.isEmpty() ? e.getKey() : chemin + "." + e.getKey(),
          e.getValue(), feuilles));
    } else if (noeud.isArray()) {
      for (int i = 0; i < noeud.size(); i++) {
        parcourir(chemin + "[" + i + "]", noeud.get(i), feuilles);
      }
    } else {
      feuilles.put(chemin, noeud.asText());
    }
  }

  private static List<String> marques(String texte) {
    List<String> marques = new ArrayList<>();
    Matcher m = MARQUES.matcher(texte);
    while (m.find()) {
      marques.add(m.group().replaceAll("\\s", ""));
    }
    marques.sort(null);
    return marques;
  }
}
