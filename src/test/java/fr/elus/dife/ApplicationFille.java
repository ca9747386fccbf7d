package fr.elus.dife;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as installed, in a child JVM started from the test classpath:
 * its working directory holds its ./data H2 file and its log, so that it can be
 * killed with SIGKILL and started again on the same data, or run beside another node.
 */
public final class ApplicationFille implements AutoCloseable {

  private final Process processus;
  private final int port;
  private final Path journal;

  private ApplicationFille(Process processus, int port, Path journal) {
    this.processus = processus;
    this.port = port;
    this.journal = journal;
  }

  /** Starts it and waits until /actuator/health answers, at most 2 minutes. */
  public static ApplicationFille demarrer(Path repertoire, String nom, Map<String, String> environnement,
      String... arguments) throws IOException, InterruptedException {
    ApplicationFille application = lancer(repertoire, nom, environnement, arguments);
    application.attendrePrete();
    return application;
  }

  /** Starts it without waiting: call {@link #attendrePrete()}, so that several start side by side. */
  public static ApplicationFille lancer(Path repertoire, String nom, Map<String, String> environnement,
      String... arguments) throws IOException {
    Files.createDirectories(repertoire);
    int port = portLibre();
    List<String> commande = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        DifeApplication.class.getName(), "--server.port=" + port, "--logging.level.root=WARN"));
    commande.addAll(List.of(arguments));
    Path journal = repertoire.resolve(nom + ".log");
    ProcessBuilder lancement = new ProcessBuilder(commande).directory(repertoire.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(journal.toString())));
    lancement.environment().putAll(environnement);
    return new ApplicationFille(lancement.start(), port, journal);
  }

  public void attendrePrete() throws InterruptedException {
    ClientHttp http = http();
    long limite = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      if (!processus.isAlive()) {
        throw new IllegalStateException("L'application s'est arrêtée au démarrage : voir " + journal + causes());
      }
      if (System.nanoTime() > limite) {
        throw new IllegalStateException("L'application n'a pas démarré en 2 minutes : voir " + journal + causes());
      }
      try {
        if (http.get(null, "/actuator/health").statut() == 200) {
          return;
        }
      } catch (IllegalStateException pasEncore) {
        // not listening yet
      }
      Thread.sleep(250);
    }
  }

  // CI keeps the console, not the child's log: the error and its causes go into the message
  private String causes() {
    try {
      List<String> lignes = Files.readAllLines(journal).stream()
          .filter(l -> l.contains("ERROR") || l.contains("Exception") || l.startsWith("Caused by")).toList();
      return lignes.isEmpty() ? "" : "\n" + String.join("\n", lignes.subList(Math.max(0, lignes.size() - 30),
          lignes.size()));
    } catch (IOException illisible) {
      return " (journal illisible : " + illisible.getMessage() + ")";
    }
  }

  public ClientHttp http() {
    return new ClientHttp(port);
  }

  public Path journal() {
    return journal;
  }

  /** SIGKILL, in the middle of whatever it is doing. */
  public void tuer() throws InterruptedException {
    processus.destroyForcibly().waitFor();
  }

  /** A clean stop (SIGTERM), as an operator's; true if it ended within a minute. */
  public boolean arreter() throws InterruptedException {
    processus.destroy();
    return processus.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    processus.destroyForcibly();
  }

  public static int portLibre() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
