package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The NIR is never written in clear: not in the H2 files, not in the log (docs/CONTRACT.md, The NIR). */
@ApplicationDemarree
class ProtectionDuNirTest {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  TaskService taskService;

  @Test
  void leNirNApparaitNiDansLesFichiersH2NiDansLeJournal() throws Exception {
    ClientHttp http = new ClientHttp(port);
    ObjectNode demande = DossiersDeTest.demande(false);
    String nir = demande.get("elu").get("nir").asText();
    String nom = demande.get("elu").get("nomNaissance").asText();
    ObjectNode refusee = DossiersDeTest.demande(false);
    String nirRefuse = refusee.get("elu").get("nir").asText();
    ((ObjectNode) refusee.get("elu")).put("email", "invalide");

    assertThat(http.post("conseiller45", "/api/dossiers", refusee).statut()).isEqualTo(400);
    String reference = http.post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    http.get("conseiller45", "/api/dossiers/" + reference);
    http.get("conseiller45", "/engine-rest/history/variable-instance?variableName=nirMasque");
    Path fichierBase = ecrireLaBaseSurDisque();

    List<Path> fichiersH2 = fichiersDe(fichierBase.getParent(), fichierBase.getFileName().toString());
    assertThat(fichiersH2).isNotEmpty();
    String contenuH2 = lire(fichiersH2);
    String journal = lire(List.of(Path.of("target/test-logs/dife.log")));

    // the scans can see the data at all: the élu's name is there, and the dossier reference is logged
    assertThat(contenuH2).contains(nom);
    assertThat(journal).contains(reference);
    for (String forme : formes(nir, nirRefuse)) {
      assertThat(contenuH2).as("base H2").doesNotContain(forme);
      assertThat(journal).as("journal").doesNotContain(forme);
    }
  }

  private static List<String> formes(String... nirs) {
    return Stream.of(nirs).flatMap(n -> Stream.of(n, n.substring(0, 13),
        n.charAt(0) + " " + n.substring(1, 3) + " " + n.substring(3, 5) + " " + n.substring(5, 7) + " "
            + n.substring(7, 10) + " " + n.substring(10, 13) + " " + n.substring(13))).toList();
  }

  private Path ecrireLaBaseSurDisque() throws SQLException {
    try (Connection connexion = dataSource.getConnection(); Statement ordre = connexion.createStatement()) {
      ordre.execute("CHECKPOINT SYNC");
      String url = connexion.getMetaData().getURL();
      return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath();
    }
  }

  private static List<Path> fichiersDe(Path dossier, String prefixe) throws IOException {
    try (Stream<Path> fichiers = Files.list(dossier)) {
      return fichiers.filter(f -> f.getFileName().toString().startsWith(prefixe)).toList();
    }
  }

  private static String lire(List<Path> fichiers) throws IOException {
    StringBuilder tout = new StringBuilder();
    for (Path fichier : fichiers) {
      tout.append(new String(Files.readAllBytes(fichier), StandardCharsets.ISO_8859_1));
    }
    return tout.toString();
  }
}
