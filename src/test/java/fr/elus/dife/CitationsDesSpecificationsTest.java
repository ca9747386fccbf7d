package fr.elus.dife;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The specifications live in docs/, and what the code cites of them exists there:
 * each "DOMAIN.md R6" names a rule of docs/DOMAIN.md, each source it cites is in
 * docs/sources/.
 */
class CitationsDesSpecificationsTest {

  private static final Pattern CITATION = Pattern.compile("DOMAIN\\.md((?:[ ,]+(?:et|à)?\\s*R\\d+)+)");
  private static final Pattern REGLE = Pattern.compile("R(\\d+)");

  private static List<Path> fichiersCitant() throws IOException {
    List<Path> fichiers = new ArrayList<>();
    for (String dossier : List.of("src/main", "src/test", "bpmn", "forms")) {
      try (Stream<Path> chemins = Files.walk(Path.of(dossier))) {
        chemins.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(java|bpmn|dmn|form|csv|yaml|txt)"))
            .forEach(fichiers::add);
      }
    }
    return fichiers;
  }

  @Test
  void chaqueRegleCiteeExisteDansDocsDomain() throws IOException {
    String domaine = Files.readString(Path.of("docs/DOMAIN.md"));
    List<String> citees = new ArrayList<>();
    for (Path fichier : fichiersCitant()) {
      Matcher citation = CITATION.matcher(Files.readString(fichier, StandardCharsets.UTF_8));
      while (citation.find()) {
        Matcher regle = REGLE.matcher(citation.group(1));
        while (regle.find()) {
          citees.add(fichier + " R" + regle.group(1));
          assertThat(domaine).as(fichier.toString()).contains("## R" + regle.group(1) + ". ");
        }
      }
    }
    assertThat(citees).as("citations trouvées").hasSizeGreaterThan(10);
  }

  @Test
  void lesSourcesDesReglesSontDansLeDepot() throws IOException {
    String domaine = Files.readString(Path.of("docs/DOMAIN.md"));
    Matcher source = Pattern.compile("\\[(\\d{3})(?:, (\\d{3}))*").matcher(domaine);
    int trouvees = 0;
    while (source.find()) {
      for (String numero : source.group(0).substring(1).split(", ")) {
        try (Stream<Path> fichiers = Files.list(Path.of("docs/sources"))) {
          assertThat(fichiers.anyMatch(f -> f.getFileName().toString().startsWith(numero + "_"))).as(numero).isTrue();
        }
        trouvees++;
      }
    }
    assertThat(trouvees).isGreaterThan(10);
    assertThat(Files.readString(Path.of("docs/CONTRACT.md"))).contains("## REST API", "### Event types");
  }
}
