package fr.elus.dife.banc;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DifeApplication;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.api.ConflitException;
import fr.elus.dife.dossier.ConsultationDossier;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark of issue 13, in one JVM, the app as it runs (demo users, its own
 * H2 file or the PostgreSQL that bench/run prepares), beside a bare Camunda engine
 * on the same kind of database. Prints a Markdown table and writes it to
 * target/bench/. Not a test: figures, not assertions.
 *
 * <p>Arguments: {@code --parcours K} (journeys, default 20), {@code --echauffement W}
 * (warm-up journeys of each engine before them, default 10), {@code --tours R} (rounds
 * in which the two engines alternate, default 5), {@code --jobs N} (due
 * jobs drained, default 10000), {@code --tailles 10000,30000,100000} (open dossiers
 * for the views), {@code --ouvertures-secondes S} (per client count, default 15),
 * {@code --postgres} (DIFE_DB_URL, DIFE_DB_USER, DIFE_DB_PASSWORD for the app,
 * DIFE_BANC_NU_URL for the bare engine's own database), {@code --parties abdc} (the
 * parts to run, all by default), {@code --base DIR} (H2: the app's database in DIR;
 * with --postgres, the database of that name, which bench/run then keeps: kept between
 * runs, so that a change is measured on the same dossiers as before it; the dossiers
 * already there count towards the sizes), {@code --proprietes k=v,k=v}
 * (the app's settings, e.g. the job executor's, above its configuration files),
 * {@code --parametres-h2 ";NAME=value"} (added to the H2 URL of both engines, replacing
 * the same setting there), {@code --garder-nu} (H2: the bare engine's database kept in
 * target/bench/moteur-nu, like --base for the app's), {@code --sans-drainage} (the views
 * measured with the job executor stopped, the jobs still due left waiting).
 */
public final class Banc {

  private final Map<String, String> options;
  private final List<String[]> lignes = new ArrayList<>();
  private boolean silencieux;
  private boolean vuesChauffees;
  private final boolean postgres;
  private final Path dossier;
  private ConfigurableApplicationContext app;
  private ClientHttp http;
  private final List<String> references = new ArrayList<>();

  private Banc(Map<String, String> options, Path dossier) {
    this.options = options;
    this.postgres = options.containsKey("postgres");
    this.dossier = dossier;
  }

  public static void main(String[] arguments) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < arguments.length; i++) {
      String nom = arguments[i].replaceFirst("^--", "");
      boolean valeur = i + 1 < arguments.length && !arguments[i + 1].startsWith("--");
      options.put(nom, valeur ? arguments[++i] : "");
    }
    Path dossier = Path.of("target/bench").toAbsolutePath();
    Files.createDirectories(dossier);
    Banc banc = new Banc(options, dossier);
    try {
      banc.mesurer();
    } finally {
      banc.ecrire();
      if (banc.app != null) {
        banc.app.close();
      }
    }
    System.exit(0);
  }

  private int entier(String option, int defaut) {
    return options.containsKey(option) ? Integer.parseInt(options.get(option)) : defaut;
  }

  private void ligne(String mesure, String application, String moteurNu, String rapport) {
    if (silencieux) {
      return;
    }
    lignes.add(new String[] {mesure, application, moteurNu, rapport});
    System.out.printf("%-58s %-24s %-18s %s%n", mesure, application, moteurNu, rapport);
  }

  /** One part of the bench; a failure is a line of the table, and the next part still runs. */
  private interface Partie {
    void mesurer() throws Exception;
  }

  private void partie(String nom, Partie partie) {
    try {
      partie.mesurer();
    } catch (Exception | Error e) {
      ligne(nom + " : échec", e.getClass().getSimpleName(), "", String.valueOf(e.getMessage()).lines().findFirst()
          .orElse(""));
    }
  }

  private boolean partieDemandee(char partie) {
    return options.getOrDefault("parties", "abcd").indexOf(partie) >= 0;
  }

  private void mesurer() throws Exception {
    demarrerApplication();
    JobExecutor j = jobExecutor();
    var env = app.getEnvironment();
    ligne("job executor de l'application", "fils " + env.getProperty("camunda.bpm.job-execution.core-pool-size", "3")
        + "–" + env.getProperty("camunda.bpm.job-execution.max-pool-size", "10") + ", " + j.getMaxJobsPerAcquisition()
        + " par acquisition, attente " + j.getWaitTimeInMillis() + "–" + j.getMaxWait() + " ms, recul "
        + j.getBackoffTimeInMillis() + "–" + j.getMaxBackoff() + " ms, verrou " + j.getLockTimeInMillis() + " ms",
        "défauts", "");
    arreterJobExecutor();
    ParcoursDuBanc parcours = new ParcoursDuBanc(app);
    int variables = parcours.variablesALOuverture(DossiersDeTest.demande(false));
    ParcoursDuBanc.Compte compte = parcours.parcoursComplet();
    ParcoursDuBanc.Lignes lignes = parcours.lignesDuDernier();
    reprendreReferences();
    Base baseNu = postgres
        ? Base.postgres(System.getenv("DIFE_BANC_NU_URL"), System.getenv("DIFE_DB_USER"), System.getenv("DIFE_DB_PASSWORD"))
        : Base.h2(dossier, options.containsKey("garder-nu") ? "moteur-nu" : "moteur-nu-" + System.currentTimeMillis(),
            urlH2().replaceFirst("^[^;]*", ""));
    try (MoteurNu nu = new MoteurNu(baseNu, compte, lignes, variables)) {
      if (partieDemandee('a') || partieDemandee('b') || partieDemandee('d')) {
        mesurerParcoursOuverturesDrainage(nu);
      }
      if (!options.containsKey("sans-drainage")) {
        demarrerJobExecutor();
      }
      if (partieDemandee('c')) {
        // (c) the views as dossiers pile up
        for (String taille : options.getOrDefault("tailles", "10000,30000,100000").split(",")) {
          partie("(c) " + taille.trim() + " dossiers", () -> vuesA(Integer.parseInt(taille.trim()), nu));
        }
      }
    }
    if (partieDemandee('c')) {
      // the bare engine's own MyBatis mappings, models and H2 cache (some 40 MiB) no longer count
      viderBoitesDeLaDemo();
      ligne("(c) tas vivant de l'application seule, après les vues (moteur nu fermé)", Mesures.mio(Mesures.tasVivant()),
          "", "cible : servi avec -Xmx1g");
    }
  }

  /** The dossiers of a kept database (--base) are those the views are timed on. */
  private void reprendreReferences() throws SQLException {
    try (Connection connexion = app.getBean(DataSource.class).getConnection();
        var r = connexion.createStatement().executeQuery("select reference from dife_dossier")) {
      while (r.next()) {
        references.add(r.getString(1));
      }
    }
  }

  private void mesurerParcoursOuverturesDrainage(MoteurNu nu) throws Exception {
    int k = entier("parcours", 20);
    if (partieDemandee('a')) {
      partie("(a) parcours", () -> parcours(k, nu));
    }
    if (partieDemandee('b')) {
      // (b) openings, each engine's job executor running as in production
      int secondes = entier("ouvertures-secondes", 15);
      for (int clients : new int[] {1, 2, 4}) {
        partie("(b) ouvertures, " + clients + " client(s)", () -> ouvertures(clients, secondes, nu));
      }
    }
    if (partieDemandee('d')) {
      partie("(d) drainage", () -> drainage(nu));
    }
  }

  /**
   * (a) The longest journey K times on each engine, after W warm-up journeys of each (the
   * JIT compiles through the first dozens: with 2, its compilations fell inside the app's
   * measure, and the bare engine, measured after, found the engine's code compiled), the
   * job executor stopped. The two alternate in rounds, so that both meet the same machine
   * (on this shared 2-core machine the same work varies up to twice from minute to minute)
   * and share the JIT work still going on.
   */
  private void parcours(int k, MoteurNu nu) throws Exception {
    int echauffement = entier("echauffement", 10);
    int tours = Math.max(1, Math.min(k, entier("tours", 5)));
    ParcoursDuBanc parcours = new ParcoursDuBanc(app);
    ParcoursDuBanc.Compte[] compte = new ParcoursDuBanc.Compte[1];
    String[] dernierNu = new String[1];
    for (int i = 0; i < echauffement; i++) {
      compte[0] = parcours.parcoursComplet();
      nu.parcours("echauffement-" + i);
      nu.parcoursAvecVariables("echauffement-variables-" + i);
    }
    Consommation application = new Consommation();
    Consommation nue = new Consommation();
    Consommation nueVariables = new Consommation();
    long octetsAvant = octetsApplication();
    long octetsNuAvant = nu.octets();
    int fait = 0;
    for (int tour = 0; tour < tours; tour++) {
      int n = (k - fait) / (tours - tour);
      int premier = fait;
      application.mesurer(() -> {
        for (int i = 0; i < n; i++) {
          compte[0] = parcours.parcoursComplet();
        }
      });
      nue.mesurer(() -> {
        for (int i = 0; i < n; i++) {
          nu.parcours("nu-" + (premier + i));
        }
      });
      nueVariables.mesurer(() -> {
        for (int i = 0; i < n; i++) {
          dernierNu[0] = nu.parcoursAvecVariables("nu-variables-" + (premier + i));
        }
      });
      fait += n;
    }
    double octetsClos = (octetsApplication() - octetsAvant) / (double) k;
    double octetsClosNu = (nu.octets() - octetsNuAvant) / (double) k;
    double cpuApp = application.cpu / 1e6 / k;
    double cpuNu = nue.cpu / 1e6 / k;
    double filApp = application.fil / 1e6 / k;
    double filNu = nue.fil / 1e6 / k;
    double jvmApp = application.jvm / (double) k;
    double jvmNu = nue.jvm / (double) k;
    double murApp = application.mur / 1e6 / k;
    double murNu = nue.mur / 1e6 / k;
    ParcoursDuBanc.Compte dernier = compte[0];
    ligne("(a) parcours le plus long : transactions du moteur", String.valueOf(dernier.transactions()),
        String.valueOf(dernier.transactions()), dernier.taches() + " tâches, " + dernier.evenements() + " événements, "
            + dernier.timers() + " timers, " + dernier.jobs() + " jobs");
    ligne("(a) parcours : CPU par parcours (K = " + k + ")", Mesures.ms(cpuApp), Mesures.ms(cpuNu),
        fois(cpuApp / cpuNu) + " (cible ≤ 3×)");
    ligne("(a) parcours : CPU du fil qui le mène (sans JIT, GC ni autres fils)", Mesures.ms(filApp),
        Mesures.ms(filNu), fois(filApp / filNu));
    ligne("(a) parcours : compilation JIT et GC pendant la mesure, par parcours", Mesures.ms(jvmApp),
        Mesures.ms(jvmNu), "après " + echauffement + " parcours d'échauffement, " + tours + " tours alternés");
    ligne("(a) parcours : temps écoulé par parcours", Mesures.ms(murApp), Mesures.ms(murNu), fois(murApp / murNu));
    // the same against a bare journey that also writes the app's variable rows: the floor of those writes
    ligne("(a) parcours : lignes d'historique (instances ; variables ; écritures de variables)",
        parcours.lignesDuDernier().toString(), nu.lignes(dernierNu[0]).toString(),
        "moteur nu : le même parcours portant autant de variables");
    double cpuNuVariables = nueVariables.cpu / 1e6 / k;
    double filNuVariables = nueVariables.fil / 1e6 / k;
    ligne("(a) parcours : CPU par parcours, contre le moteur nu portant les mêmes variables", Mesures.ms(cpuApp),
        Mesures.ms(cpuNuVariables), fois(cpuApp / cpuNuVariables) + " (cible ≤ 3×)");
    ligne("(a) parcours : CPU du fil, contre le moteur nu portant les mêmes variables", Mesures.ms(filApp),
        Mesures.ms(filNuVariables), fois(filApp / filNuVariables));
    ligne("(a) parcours : temps écoulé, contre le moteur nu portant les mêmes variables", Mesures.ms(murApp),
        Mesures.ms(nueVariables.mur / 1e6 / k), fois(murApp / (nueVariables.mur / 1e6 / k)));
    ligne("(e) disque par dossier clos (parcours complet)", Mesures.kio(octetsClos), Mesures.kio(octetsClosNu),
        fois(octetsClos / octetsClosNu));
  }

  /** CPU (the JVM's, the calling thread's), JIT and GC time and wall time, summed over the rounds of one engine. */
  private static final class Consommation {
    private long cpu;
    private long fil;
    private long jvm;
    private long mur;

    void mesurer(Runnable travail) {
      long cpu0 = Mesures.cpuNanos();
      long fil0 = Mesures.cpuDuFilNanos();
      long jvm0 = Mesures.compilationEtGcMs();
      long mur0 = System.nanoTime();
      travail.run();
      mur += System.nanoTime() - mur0;
      jvm += Mesures.compilationEtGcMs() - jvm0;
      fil += Mesures.cpuDuFilNanos() - fil0;
      cpu += Mesures.cpuNanos() - cpu0;
    }
  }

  private static String fois(double rapport) {
    return String.format(Locale.FRANCE, "%.1f×", rapport);
  }

  private void demarrerApplication() throws IOException {
    Map<String, Object> proprietes = new LinkedHashMap<>();
    proprietes.put("server.port", 0);
    proprietes.put("spring.mail.port", portLibre());
    proprietes.put("dife.demo.donnees", false);
    proprietes.put("logging.file.name", dossier.resolve("application.log").toString());
    proprietes.put("logging.threshold.console", "WARN");
    // the loading's transactions of 100 openings hold H2's writer token longer than a request's would
    proprietes.put("dife.h2.attente-ecriture", "PT10M");
    // --proprietes k=v,k=v: the app's settings to compare, as an operator would set them
    for (String propriete : options.getOrDefault("proprietes", "").split(",")) {
      if (!propriete.isBlank()) {
        proprietes.put(propriete.substring(0, propriete.indexOf('=')).trim(),
            propriete.substring(propriete.indexOf('=') + 1).trim());
      }
    }
    List<String> profils = new ArrayList<>(List.of("demo"));
    if (postgres) {
      profils.add("postgres");
    } else {
      // the app's own URL and settings, on a fresh file of the bench unless one is kept
      Path base = options.containsKey("base") ? Path.of(options.get("base")).toAbsolutePath()
          : dossier.resolve("application-" + System.currentTimeMillis());
      proprietes.put("spring.datasource.url", urlH2().replace("./data/dife",
          base.resolve("dife").toString()));
    }
    // as command-line arguments: above the profiles' files, as an operator's would be
    app = new SpringApplicationBuilder(DifeApplication.class).profiles(profils.toArray(String[]::new))
        .run(proprietes.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    http = new ClientHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
  }

  /**
   * The app's H2 URL with the settings --parametres-h2 ";NAME=value" gives to compare (for
   * both engines): a setting the URL already has is replaced, since H2 refuses one given twice.
   */
  private String urlH2() throws IOException {
    String url = urlH2DeLApplication();
    String parametres = options.getOrDefault("parametres-h2", "");
    for (String parametre : parametres.split(";")) {
      int egal = parametre.indexOf('=');
      if (egal > 0) {
        String nom = Pattern.quote(parametre.substring(0, egal).trim());
        url = url.replaceAll("(?i);" + nom + "=[^;]*", "");
      }
    }
    return url + parametres;
  }

  /** The URL of application.yaml as shipped, so that the bench runs with its settings (write delay…). */
  private static String urlH2DeLApplication() throws IOException {
    try (var yaml = Banc.class.getResourceAsStream("/application.yaml")) {
      for (String ligne : new String(yaml.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String t = ligne.trim();
        if (t.startsWith("url: jdbc:h2:")) {
          return t.substring("url: ".length()).trim();
        }
      }
    }
    throw new IllegalStateException("Pas d'URL H2 dans application.yaml");
  }

  private static int portLibre() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private ProcessEngine moteur() {
    return app.getBean(ProcessEngine.class);
  }

  private JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) moteur().getProcessEngineConfiguration()).getJobExecutor();
  }

  private void arreterJobExecutor() {
    if (jobExecutor().isActive()) {
      jobExecutor().shutdown();
    }
  }

  private void demarrerJobExecutor() {
    if (!jobExecutor().isActive()) {
      jobExecutor().start();
    }
  }

  /** The H2 file's size (0 on PostgreSQL, whose pg_database_size is already the disk). */
  private long fichiersApplication() throws SQLException {
    if (postgres) {
      return 0;
    }
    try (Connection connexion = app.getBean(DataSource.class).getConnection()) {
      return baseH2DeLApplication().octetsFichiers(connexion);
    }
  }

  private Base baseH2DeLApplication() {
    String url = app.getEnvironment().getProperty("spring.datasource.url");
    Path fichier = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]);
    return new Base("H2", url, "sa", "", "org.h2.Driver", fichier.getParent(), 10);
  }

  private long octetsApplication() throws SQLException {
    if (postgres) {
      try (Connection connexion = app.getBean(DataSource.class).getConnection();
          var r = connexion.createStatement().executeQuery("select pg_database_size(current_database())")) {
        r.next();
        return r.getLong(1);
      }
    }
    try (Connection connexion = app.getBean(DataSource.class).getConnection()) {
      return baseH2DeLApplication().octets(connexion);
    }
  }

  /** (d) Jobs due at once: start continuations, emails, then timers brought due by the clock. */
  private void drainage(MoteurNu nu) throws Exception {
    int n = entier("jobs", 10000);
    ManagementService gestion = moteur().getManagementService();
    HistoryService historique = moteur().getHistoryService();
    ParcoursDuBanc parcours = new ParcoursDuBanc(app);
    for (int i = 0; i < n / 2; i++) {
      // half wait at the account task, half go on to the identity stage and its emails and timers
      references.add(parcours.ouvrirSeulement(DossiersDeTest.demande(i % 2 == 0)));
    }
    long jobsAvant = historique.createHistoricJobLogQuery().successLog().count();
    long debut = System.nanoTime();
    demarrerJobExecutor();
    attendre(() -> gestion.createJobQuery().executable().count() == 0, Duration.ofMinutes(30));
    // then the timers of those dossiers fall due, as after a long weekend
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(40, ChronoUnit.DAYS)));
    // timers falling due wake no idle acquisition (it looks again within wait-time-in-millis,
    // 5 s): without this the jump would count that wait, a latency, as drain time
    jobExecutor().jobWasAdded();
    attendre(() -> gestion.createJobQuery().executable().count() == 0, Duration.ofMinutes(30));
    double secondes = (System.nanoTime() - debut) / 1e9;
    ClockUtil.reset();
    long executes = historique.createHistoricJobLogQuery().successLog().count() - jobsAvant;
    long echecs = historique.createHistoricJobLogQuery().failureLog().count();
    arreterJobExecutor();

    nu.preparerJobs(n);
    long debutNu = System.nanoTime();
    nu.demarrerJobExecutor();
    attendre(() -> nu.jobsExecutables() == 0, Duration.ofMinutes(30));
    double secondesNu = (System.nanoTime() - debutNu) / 1e9;
    nu.arreterJobExecutor();
    double debit = executes / secondes;
    double debitNu = n / secondesNu;
    ligne("(d) jobs dus drainés (" + executes + " app, " + n + " nu), jobs/s", String.format(Locale.FRANCE, "%.0f", debit),
        String.format(Locale.FRANCE, "%.0f", debitNu), fois(debit / debitNu) + " (cible ≥ 0,5×)");
    ligne("(d) jobs en échec pendant le drainage", String.valueOf(echecs), "0", "");
  }

  private static void attendre(Supplier<Boolean> condition, Duration limite) throws InterruptedException {
    long fin = System.nanoTime() + limite.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > fin) {
        throw new IllegalStateException("Attente dépassée (" + limite + ")");
      }
      Thread.sleep(100);
    }
  }

  /**
   * (b) Each client opens dossiers over HTTP for the given seconds, the app's job
   * executor running their continuations; then as many clients open through the app's
   * service, without HTTP; then as many bare clients start the bare dossier (as many
   * variables, one continuation) through the Java API, the bare job executor running.
   * Each engine's leftover jobs are drained before the other's turn.
   */
  private void ouvertures(int clients, int secondes, MoteurNu nu) throws Exception {
    ManagementService gestion = moteur().getManagementService();
    demarrerJobExecutor();
    Debit application = debit(clients, secondes, () -> {
      ClientHttp.Reponse reponse = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false));
      if (reponse.statut() != 201) {
        return false;
      }
      synchronized (references) {
        references.add(reponse.corps().get("reference").asText());
      }
      return true;
    });
    attendre(() -> gestion.createJobQuery().executable().count() == 0, Duration.ofMinutes(10));
    // the same openings through the app's service, without HTTP: what the stack in front costs
    ParcoursDuBanc service = new ParcoursDuBanc(app);
    Debit sansHttp = debit(clients, secondes, () -> {
      String reference;
      try {
        reference = service.ouvrirSeulement(DossiersDeTest.demande(false));
      } catch (ConflitException elu) {
        // a drawn élu with a dossier open already, as the 409 over HTTP
        return false;
      }
      synchronized (references) {
        references.add(reference);
      }
      return true;
    });
    attendre(() -> gestion.createJobQuery().executable().count() == 0, Duration.ofMinutes(10));
    arreterJobExecutor();
    nu.demarrerJobExecutor();
    Debit nue = debit(clients, secondes, () -> {
      nu.ouvrir();
      return true;
    });
    attendre(() -> nu.jobsExecutables() == 0, Duration.ofMinutes(10));
    nu.arreterJobExecutor();
    ligne("(b) ouvertures, " + clients + " client(s) : par seconde, p50 / p95 (application : HTTP)",
        application.enClair(), nue.enClair(), fois(application.parSeconde() / nue.parSeconde())
            + (application.refusees() == 0 ? "" : ", " + application.refusees() + " refusées")
            + (clients == 2 ? " (cible ≥ 150 /s)" : ""));
    ligne("(b) ouvertures, " + clients + " client(s), par le service de l'application (sans HTTP)",
        sansHttp.enClair(), nue.enClair(), fois(sansHttp.parSeconde() / nue.parSeconde())
            + (sansHttp.refusees() == 0 ? "" : ", " + sansHttp.refusees() + " refusées"));
    if (!postgres) {
      // PostgreSQL writes in its own processes: only H2's writes are this JVM's
      ligne("(b) octets écrits sur le disque par ouverture, " + clients + " client(s) (jobs compris)",
          Mesures.kio(application.octetsParOuverture()), Mesures.kio(nue.octetsParOuverture()), "");
    }
  }

  /** One opening of a client's loop: true if accepted. */
  private interface Ouverture {
    boolean ouvrir() throws Exception;
  }

  private record Debit(double parSeconde, Mesures latences, int refusees, double octetsParOuverture) {
    String enClair() {
      return String.format(Locale.FRANCE, "%.0f /s, %s", parSeconde, latences.p50p95());
    }
  }

  private static Debit debit(int clients, int secondes, Ouverture ouverture) throws Exception {
    Mesures latences = new Mesures();
    AtomicInteger refusees = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long fin = System.nanoTime() + secondes * 1_000_000_000L;
    long debut = System.nanoTime();
    long ecrits = Mesures.octetsEcritsSurDisque();
    List<Future<?>> travaux = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      travaux.add(pool.submit(() -> {
        while (System.nanoTime() < fin) {
          long t0 = System.nanoTime();
          boolean acceptee = ouverture.ouvrir();
          latences.ajouter(System.nanoTime() - t0);
          if (!acceptee) {
            refusees.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> travail : travaux) {
      travail.get();
    }
    pool.shutdown();
    double parSeconde = latences.nombre() / ((System.nanoTime() - debut) / 1e9);
    return new Debit(parSeconde, latences, refusees.get(),
        (Mesures.octetsEcritsSurDisque() - ecrits) / (double) Math.max(1, latences.nombre()));
  }

  /** (c) Tops the open dossiers up to n (services, batches of 100 per transaction), then times the views. */
  private void vuesA(int n, MoteurNu nu) throws Exception {
    long octetsAvant = octetsApplication();
    long fichiersAvant = fichiersApplication();
    int avant = references.size();
    chargerJusqua(n);
    ManagementService gestion = moteur().getManagementService();
    boolean sansDrainage = options.containsKey("sans-drainage");
    if (sansDrainage) {
      // the views of a kept base whose emails are still due: H2's single writer drains them
      // at some 20 per second (an hour for 100,000 dossiers); the views read, the jobs wait
      ligne("(c) " + n + " dossiers : job executor arrêté pendant les vues (--sans-drainage)",
          gestion.createJobQuery().executable().count() + " jobs dus en attente", "", "");
    } else {
      attendre(() -> gestion.createJobQuery().executable().count() == 0, Duration.ofMinutes(60));
    }
    int ouverts = Math.max(1, references.size() - avant);
    double parDossier = (octetsApplication() - octetsAvant) / (double) ouverts;
    double fichierParDossier = (fichiersApplication() - fichiersAvant) / (double) ouverts;
    // the bare engine with as many open tasks, for the engine's own cost of the task queries
    arreterJobExecutor();
    nu.ouvrirJusqua(moteur().getTaskService().createTaskQuery().count());
    if (!sansDrainage) {
      demarrerJobExecutor();
    }
    String prefixe = "(c) " + n + " dossiers : ";
    if (!vuesChauffees) {
      // a fresh JVM timed these views about twice as slow as a warm one, temps()' warm-up
      // notwithstanding (100,000 dossiers on PostgreSQL, 1 December 2026): a first round of
      // all of them, not counted
      silencieux = true;
      try {
        tempsDesVues(prefixe, n, nu);
      } finally {
        silencieux = false;
      }
      vuesChauffees = true;
    }
    tempsDesVues(prefixe, n, nu);
    if (references.size() > avant) {
      ligne(prefixe + "disque par dossier ouvert (données ; fichier)", Mesures.kio(parDossier)
          + (postgres ? "" : " ; " + Mesures.kio(fichierParDossier)), "", "cible ≤ 60 Ko");
    }
    viderBoitesDeLaDemo();
    ligne(prefixe + "tas vivant, moteur nu compris (max " + Mesures.mio(Mesures.tasMax()) + ")",
        Mesures.mio(Mesures.tasVivant()), "", "");
  }

  /**
   * The view timings of vuesA: the dossier's views and lists in alternating rounds, the
   * rest each after its own warm-up. Beside the task queries, the
   * bare engine's answer to the same query by its Java API (no HTTP, no authorization
   * check, the same tenant check): the engine's own floor for them.
   */
  private void tempsDesVues(String prefixe, int n, MoteurNu nu) throws Exception {
    statistiquesDesRequetes(true);
    ConsultationDossier consultation = app.getBean(ConsultationDossier.class);
    var identite = moteur().getIdentityService();
    String toujoursLeMeme = auHasard();
    ClientHttp.Session tasklist = http.connecter("conseiller45", "tasklist");
    record Chronometree(Runnable requete, String cible) {
    }
    Map<String, Chronometree> vues = new LinkedHashMap<>();
    vues.put("vue du dossier", new Chronometree(get(() -> "/api/dossiers/" + auHasard(), "conseiller45"),
        "cible p95 < 20 ms"));
    vues.put("vue du dossier par le service, sans HTTP", new Chronometree(
        () -> ParcoursDuBanc.commeConseiller(identite, () -> consultation.consulter(auHasard())),
        "ses requêtes et sa construction"));
    vues.put("vue d'un même dossier, ses lignes en cache",
        new Chronometree(get(() -> "/api/dossiers/" + toujoursLeMeme, "conseiller45"), ""));
    vues.put("liste", new Chronometree(get(() -> "/api/dossiers?taille=20&page="
        + ThreadLocalRandom.current().nextInt(50), "conseiller45"), "cible p95 < 10 ms"));
    vues.put("liste par statut", new Chronometree(get(() -> "/api/dossiers?taille=20&statut=COMPTE_FORMATION",
        "conseiller45"), "cible p95 < 10 ms"));
    vues.put("liste des filtres sans comptes (Tasklist, session)", new Chronometree(
        () -> enSession(tasklist, "GET", "/filter?resourceType=Task", null), "une requête indexée et la pile HTTP"));
    Map<String, Runnable> requetes = new LinkedHashMap<>();
    vues.forEach((nom, vue) -> requetes.put(nom, vue.requete()));
    enAlternance(requetes).forEach((nom, mesures) -> ligne(prefixe + nom + ", p50 / p95", mesures.p50p95(), "",
        vues.get(nom).cible()));
    // the view's floor: the blocks its queries need, whether the database has them in its own
    // cache, and (PostgreSQL) the time it waits for those it has not (the OS cache or the disk)
    for (String nom : List.of("vue du dossier", "vue d'un même dossier, ses lignes en cache", "liste")) {
      Lectures lectures = lectures(vues.get(nom).requete(), 100);
      if (postgres) {
        ligne(prefixe + nom + " : blocs lus par requête, hors de shared_buffers ; en tout ; attente de lecture",
            String.format(Locale.FRANCE, "%.1f ; %.0f ; %.2f ms", lectures.horsDuCache(), lectures.enTout(),
                lectures.attenteMs()), "",
            "shared_buffers " + sharedBuffers() + ", base " + Mesures.mio(octetsApplication()));
      } else {
        ligne(prefixe + nom + " : pages lues dans le fichier par requête ; Kio", String.format(Locale.FRANCE,
            "%.1f ; %.0f", lectures.horsDuCache(), lectures.enTout() / 1024), "", cacheH2());
      }
    }
    ligne(prefixe + "tâches du groupe, p50 / p95", temps(200,
        () -> "/engine-rest/task?candidateGroup=conseillers&sortBy=dueDate&sortOrder=asc&maxResults=15").p50p95(),
        chrono(200, nu::tachesDuGroupe).p50p95(), "cible p95 < 10 ms");
    // Tasklist's own requests, as its pages send them: by the webapp session, no password per request
    JsonNode filtres = tasklist.moteur("GET", "/filter?resourceType=Task", null).corps();
    if (filtres != null && filtres.size() > 0) {
      // the filter Tasklist opens on: the lowest priority (« Tâches de mon équipe »)
      JsonNode courant = filtres.get(0);
      for (JsonNode f : filtres) {
        if (f.path("properties").path("priority").asInt() < courant.path("properties").path("priority").asInt()) {
          courant = f;
        }
      }
      String filtre = "/filter/" + courant.get("id").asText() + "/list?firstResult=0&maxResults=15";
      ligne(prefixe + "liste du filtre « " + courant.get("name").asText() + " » (Tasklist, session), p50 / p95",
          enSession(tasklist, 200, "POST", filtre, Map.of()).p50p95(), chrono(200, nu::listeDuFiltre).p50p95(),
          "cible p95 < 10 ms");
      // what Tasklist 7.24 asks every 10 s: the focused filter's page and its count in one
      // HAL answer (the filter list itself comes without counts, itemCount=false)
      Map<String, Object> triParCreation = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
      ligne(prefixe + "page et compte du filtre (HAL, Tasklist, session), p50 / p95", chrono(100, () -> {
        ClientHttp.Reponse reponse = tasklist.moteur("POST", filtre, triParCreation, "Accept", "application/hal+json");
        if (reponse.statut() != 200 || !reponse.corps().has("count")) {
          throw new IllegalStateException("Filtre en HAL : " + reponse.statut() + " " + reponse.brute().body());
        }
      }).p50p95(), "", "cible p95 < 50 ms");
      String comptesNus = chrono(200, nu::comptesDesFiltres).p50p95();
      ligne(prefixe + "comptes des filtres (Tasklist, session), p50 / p95",
          enSession(tasklist, 200, "GET", "/filter?resourceType=Task&itemCount=true", null).p50p95(), comptesNus,
          "cible p95 < 50 ms");
      ligne(prefixe + "comptes des filtres (HTTP basic sur /engine-rest), p50 / p95",
          temps(200, () -> "/engine-rest/filter?resourceType=Task&itemCount=true").p50p95(), comptesNus, "");
      ligne(prefixe + "comptes des filtres par l'API Java du moteur, sans HTTP, p50 / p95",
          chrono(200, this::comptesDesFiltres).p50p95(), comptesNus, "");
    }
    if (http.get("analyste", "/api/indicateurs").statut() == 200) {
      ligne(prefixe + "indicateurs, p50 / p95", temps(50, () -> "/api/indicateurs", "analyste").p50p95(), "", "");
    }
    ecrireRequetesLesPlusLongues(n);
  }

  /**
   * Per view: PostgreSQL blocks read from outside its shared_buffers, blocks in all,
   * milliseconds waited for the former; H2: pages read from its file (outside its page
   * cache), bytes read.
   */
  private record Lectures(double horsDuCache, double enTout, double attenteMs) {
  }

  /**
   * What fois runs of a view read from the app's database, counted apart from the timed
   * rounds: the wait for PostgreSQL's statistics would break them.
   */
  private Lectures lectures(Runnable vue, int fois) throws Exception {
    if (!postgres) {
      Map<String, String> avant = reglagesH2();
      for (int i = 0; i < fois; i++) {
        vue.run();
      }
      Map<String, String> apres = reglagesH2();
      return new Lectures(difference(avant, apres, "info.FILE_READ") / fois,
          difference(avant, apres, "info.FILE_READ_BYTES") / fois, 0);
    }
    double[] avant = statistiquesDeLaBase();
    for (int i = 0; i < fois; i++) {
      vue.run();
    }
    double[] apres = statistiquesDeLaBase();
    return new Lectures((apres[0] - avant[0]) / fois, (apres[0] + apres[1] - avant[0] - avant[1]) / fois,
        (apres[2] - avant[2]) / fois);
  }

  /**
   * PostgreSQL's blocks read by the app's database so far, from outside its shared_buffers
   * (the OS cache or the disk) and from them, and the milliseconds spent reading the former
   * (0 unless track_io_timing is on, as bench/run sets it). A backend gone idle sends its
   * statistics within 10 s (PGSTAT_IDLE_INTERVAL): after 1.5 s, the views of one count showed
   * in the next (session 11).
   */
  private double[] statistiquesDeLaBase() throws Exception {
    Thread.sleep(11_000);
    try (Connection connexion = app.getBean(DataSource.class).getConnection();
        var requete = connexion.createStatement()) {
      requete.execute("select pg_stat_clear_snapshot()");
      try (var r = requete.executeQuery(
          "select blks_read, blks_hit, blk_read_time from pg_stat_database where datname = current_database()")) {
        r.next();
        return new double[] {r.getLong(1), r.getLong(2), r.getDouble(3)};
      }
    }
  }

  /** H2's counters and settings (info.FILE_READ, the pages it read from its file so far…). */
  private Map<String, String> reglagesH2() throws SQLException {
    Map<String, String> reglages = new HashMap<>();
    try (Connection connexion = app.getBean(DataSource.class).getConnection();
        var r = connexion.createStatement().executeQuery(
            "select setting_name, setting_value from information_schema.settings where setting_name like 'info.%'")) {
      while (r.next()) {
        reglages.put(r.getString(1), r.getString(2));
      }
    }
    return reglages;
  }

  private static double difference(Map<String, String> avant, Map<String, String> apres, String compteur) {
    return Long.parseLong(apres.get(compteur)) - Long.parseLong(avant.get(compteur));
  }

  /** H2's page cache: used and allowed (CACHE_SIZE), hit ratio since the database opened, and the file. */
  private String cacheH2() throws SQLException {
    Map<String, String> reglages = reglagesH2();
    return "cache d'H2 " + reglages.get("info.CACHE_SIZE") + " / " + reglages.get("info.CACHE_MAX_SIZE")
        + " Mo, " + reglages.get("info.CACHE_HIT_RATIO") + " % trouvés, fichier "
        + Mesures.mio(Long.parseLong(reglages.get("info.FILE_SIZE")));
  }

  private String sharedBuffers() throws SQLException {
    try (Connection connexion = app.getBean(DataSource.class).getConnection();
        var r = connexion.createStatement().executeQuery("show shared_buffers")) {
      r.next();
      return r.getString(1);
    }
  }

  /** H2 keeps each statement's time while the views are timed: the slowest show where an index is missing. */
  private void statistiquesDesRequetes(boolean actives) throws SQLException {
    if (!postgres) {
      try (Connection connexion = app.getBean(DataSource.class).getConnection()) {
        connexion.createStatement().execute("set query_statistics " + actives);
      }
    }
  }

  private void ecrireRequetesLesPlusLongues(int n) throws SQLException, IOException {
    if (postgres) {
      return;
    }
    StringBuilder texte = new StringBuilder();
    try (Connection connexion = app.getBean(DataSource.class).getConnection();
        var r = connexion.createStatement().executeQuery("select execution_count, average_execution_time, "
            + "cumulative_execution_time, sql_statement from information_schema.query_statistics "
            + "order by cumulative_execution_time desc limit 15")) {
      while (r.next()) {
        texte.append(String.format(Locale.ROOT, "%d fois, %.1f ms en moyenne, %.0f ms en tout%n%s%n%n", r.getLong(1),
            r.getDouble(2), r.getDouble(3), r.getString(4)));
      }
    }
    statistiquesDesRequetes(false);
    Files.writeString(dossier.resolve("requetes-h2-" + n + ".txt"), texte);
  }

  private String auHasard() {
    return references.get(ThreadLocalRandom.current().nextInt(references.size()));
  }

  private Mesures temps(int fois, Supplier<String> chemin) {
    return temps(fois, chemin, "conseiller45");
  }

  private Mesures temps(int fois, Supplier<String> chemin, String utilisateur) {
    return chrono(fois, get(chemin, utilisateur));
  }

  /** A GET of the app by HTTP basic, answered 200. */
  private Runnable get(Supplier<String> chemin, String utilisateur) {
    return () -> {
      String c = chemin.get();
      ClientHttp.Reponse reponse = http.get(utilisateur, c);
      if (reponse.statut() != 200) {
        throw new IllegalStateException(c + " : " + reponse.statut() + " " + reponse.brute().body());
      }
    };
  }

  /** The untimed runs before each timing: the JIT's warm-up for that request. */
  private static final int ECHAUFFEMENT = 100;

  /**
   * fois timings of one request, after ECHAUFFEMENT untimed ones (a fresh JVM needs
   * more: vuesA's first round).
   */
  private static Mesures chrono(int fois, Runnable requete) {
    echauffer(requete);
    Mesures mesures = new Mesures();
    chronometrer(mesures, fois, requete);
    return mesures;
  }

  private static void echauffer(Runnable requete) {
    for (int i = 0; i < ECHAUFFEMENT; i++) {
      requete.run();
    }
  }

  private static void chronometrer(Mesures mesures, int fois, Runnable requete) {
    for (int i = 0; i < fois; i++) {
      long t0 = System.nanoTime();
      requete.run();
      mesures.ajouter(System.nanoTime() - t0);
    }
  }

  /** The rounds of enAlternance, and the runs of each request in a round. */
  private static final int TOURS_ALTERNES = 5;
  private static final int PAR_TOUR = 40;

  /**
   * The requests timed in turns, TOURS_ALTERNES rounds of PAR_TOUR runs each, after their warm-ups:
   * a minute when the machine is slower (it happens here, session 10) weighs on all of
   * them alike, and one compared with another says something.
   */
  private static Map<String, Mesures> enAlternance(Map<String, Runnable> requetes) {
    Map<String, Mesures> mesures = new LinkedHashMap<>();
    requetes.forEach((nom, requete) -> {
      echauffer(requete);
      mesures.put(nom, new Mesures());
    });
    for (int tour = 0; tour < TOURS_ALTERNES; tour++) {
      requetes.forEach((nom, requete) -> chronometrer(mesures.get(nom), PAR_TOUR, requete));
    }
    return mesures;
  }

  /** fois timings of one request of a webapp session to the engine API, each answered 200. */
  private static Mesures enSession(ClientHttp.Session session, int fois, String methode, String chemin, Object corps) {
    return chrono(fois, () -> enSession(session, methode, chemin, corps));
  }

  private static void enSession(ClientHttp.Session session, String methode, String chemin, Object corps) {
    ClientHttp.Reponse reponse = session.moteur(methode, chemin, corps);
    if (reponse.statut() != 200) {
      throw new IllegalStateException(methode + " " + chemin + " : " + reponse.statut() + " " + reponse.brute().body());
    }
  }

  /** The app's shared filters counted by its engine's Java API as conseiller45: the HTTP-less part of their cost. */
  private void comptesDesFiltres() {
    ParcoursDuBanc.commeConseiller(moteur().getIdentityService(), () -> {
      for (Filter filtre : moteur().getFilterService().createTaskFilterQuery().list()) {
        moteur().getFilterService().count(filtre.getId());
      }
      return null;
    });
  }

  /**
   * Opens dossiers through the service, 100 per transaction, until n exist. One thread:
   * each opening takes the year's reference counter until its transaction commits, so a
   * second thread only waits on that lock (and times out under load).
   */
  private void chargerJusqua(int n) throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Future<?>> lots = new ArrayList<>();
    int manquants = n - references.size();
    if (references.isEmpty() && manquants > 0) {
      // the year's reference counter is created by the first opening: alone, not by two lots at once
      references.add(new ParcoursDuBanc(app).ouvrirSeulement(DossiersDeTest.demande(false)));
      manquants--;
    }
    for (int lot = 0; lot < manquants; lot += 100) {
      int taille = Math.min(100, manquants - lot);
      lots.add(pool.submit(() -> {
        ParcoursDuBanc parcours = new ParcoursDuBanc(app);
        List<String> ouverts = null;
        // past some 10,000 random élus one of a lot may already have an open dossier (409):
        // the lot is rolled back whole, and drawn again
        for (int essai = 1; ouverts == null; essai++) {
          try {
            ouverts = transaction.execute(statut -> {
              List<String> refs = new ArrayList<>();
              for (int i = 0; i < taille; i++) {
                refs.add(parcours.ouvrirSeulement(DossiersDeTest.demande(ThreadLocalRandom.current().nextInt(3) == 0)));
              }
              return refs;
            });
          } catch (ConflitException | UnexpectedRollbackException e) {
            if (essai == 5) {
              throw e;
            }
          }
        }
        viderBoitesDeLaDemo();
        synchronized (references) {
          references.addAll(ouverts);
          if (references.size() % 1000 < ouverts.size()) {
            System.out.println(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + references.size()
                + " dossiers ouverts");
          }
        }
      }));
    }
    for (Future<?> lot : lots) {
      lot.get();
    }
    pool.shutdown();
  }

  /**
   * The demo's SMTP server (GreenMail) keeps every email in memory: at 100,000 dossiers
   * that is the heap the bench would measure, not the app's.
   */
  private void viderBoitesDeLaDemo() {
    app.getBeanProvider(GreenMail.class).ifAvailable(serveur -> {
      try {
        serveur.purgeEmailFromAllMailboxes();
      } catch (FolderException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private void ecrire() throws IOException {
    StringBuilder tableau = new StringBuilder();
    tableau.append("Banc du ").append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES)).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cœurs, tas max ")
        .append(Mesures.mio(Mesures.tasMax())).append(", base ").append(postgres ? "PostgreSQL" : "H2 fichier")
        .append("\n\n| mesure | application | moteur nu | rapport, cible |\n|---|---|---|---|\n");
    for (String[] l : lignes) {
      tableau.append("| ").append(String.join(" | ", l)).append(" |\n");
    }
    Path fichier = dossier.resolve(postgres ? "resultats-postgres.md" : "resultats-h2.md");
    Files.writeString(fichier, tableau);
    System.out.println();
    System.out.println(tableau);
    System.out.println("Écrit dans " + fichier);
  }
}
