package fr.elus.dife.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.elus.dife.ApplicationFille;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's clustering as the README describes it: two nodes on one PostgreSQL
 * database, both executing jobs. One is killed with SIGKILL in the middle of a
 * drain of 1,000 due jobs; the other finishes them once the dead node's locks
 * expire. No job is lost, none is executed twice (the engine's job log says so).
 * On its own database (DIFE_DB_URL_NOEUDS, prepared by .ci/run), so that no other
 * test's job executor takes part.
 */
class PlusieursNoeudsIT {

  private static final Logger LOG = LoggerFactory.getLogger(PlusieursNoeudsIT.class);
  private static final int DOSSIERS = 1_000;
  private static final String ADMIN = "admin";
  private static final String MOT_DE_PASSE = "mot-de-passe-du-test-des-noeuds";
  // job log states of Camunda (JobState): created, failed, successful, deleted
  private static final int CREE = 0;
  private static final int REUSSI = 2;
  private static final int SUPPRIME = 3;
  // the engine's history cleanup is one job that runs again and again in its nightly window
  // (01:00-05:00, application.yaml), under the same id: it is not part of the drain
  private static final String DUS = "select count(*) from act_ru_job where retries_ > 0"
      + " and (duedate_ is null or duedate_ <= now()) and coalesce(handler_type_, '') <> 'history-cleanup'";
  private static final String HORS_NETTOYAGE = " and coalesce(job_def_type_, '') <> 'history-cleanup'";

  private final Path repertoire = Path.of("target", "noeuds", UUID.randomUUID().toString()).toAbsolutePath();
  private GreenMail smtp;
  private ApplicationFille noeudA;
  private ApplicationFille noeudB;

  @BeforeAll
  static void baseFournie() {
    assertThat(System.getenv("DIFE_DB_URL_NOEUDS"))
        .as("DIFE_DB_URL_NOEUDS doit désigner une base PostgreSQL vide : lancez `bash .ci/run`, qui la prépare")
        .startsWith("jdbc:postgresql:");
  }

  @AfterEach
  void arreter() {
    for (ApplicationFille noeud : new ApplicationFille[] {noeudA, noeudB}) {
      if (noeud != null) {
        noeud.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void leNoeudSurvivantFinitLesJobsDuNoeudTueSansEnPerdreNiEnRefaire() throws Exception {
    smtp = new GreenMail(new ServerSetup(ApplicationFille.portLibre(), "localhost", ServerSetup.PROTOCOL_SMTP));
    smtp.start();

    // the first node creates the schema and the dossiers, executing nothing: their jobs wait
    noeudA = ApplicationFille.demarrer(repertoire, "a-ouverture", environnement(true, false), arguments("noeud-a"));
    ouvrir(noeudA.http());
    assertThat(noeudA.arreter()).isTrue();
    long dus = requete(DUS);
    assertThat(dus).isGreaterThanOrEqualTo(DOSSIERS);

    // both nodes drain them; the second is killed a third of the way through
    noeudA = ApplicationFille.lancer(repertoire, "a", environnement(false, true), arguments("noeud-a"));
    noeudB = ApplicationFille.lancer(repertoire, "b", environnement(false, true), arguments("noeud-b"));
    noeudA.attendrePrete();
    noeudB.attendrePrete();
    Attente.jusqua("un tiers des jobs exécutés", Duration.ofMinutes(3), () -> reussis() >= dus / 3);
    long parBAvantArret = requete("select count(*) from act_hi_job_log where job_state_ = " + REUSSI
        + HORS_NETTOYAGE + " and hostname_ = 'noeud-b'");
    noeudB.tuer();
    long reussisAuKill = reussis();

    Attente.jusqua("tous les jobs dus exécutés", Duration.ofMinutes(4), () -> requete(DUS) == 0);
    long perdus = requete("select count(distinct c.job_id_) from act_hi_job_log c where c.job_state_ = " + CREE
        + " and not exists (select 1 from act_hi_job_log f where f.job_id_ = c.job_id_ and f.job_state_ in ("
        + REUSSI + ", " + SUPPRIME + ")) and not exists (select 1 from act_ru_job j where j.id_ = c.job_id_)");
    long refaits = requete("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = " + REUSSI
        + HORS_NETTOYAGE + " group by job_id_ having count(*) > 1) r");
    long parA = requete("select count(*) from act_hi_job_log where job_state_ = " + REUSSI
        + HORS_NETTOYAGE + " and hostname_ = 'noeud-a'");
    long parB = requete("select count(*) from act_hi_job_log where job_state_ = " + REUSSI
        + HORS_NETTOYAGE + " and hostname_ = 'noeud-b'");
    long encoreAuDebut = requete("select count(*) from act_ru_job j join act_ru_jobdef d"
        + " on d.id_ = j.job_def_id_ where d.act_id_ = 'Debut_DossierOuvert'");
    LOG.info("Deux nœuds : {} jobs dus au départ, {} exécutés quand B est tué ({} par B), {} en tout par A et {} par B,"
        + " {} perdus, {} exécutés deux fois", dus, reussisAuKill, parBAvantArret, parA, parB, perdus, refaits);

    assertThat(parBAvantArret).as("jobs exécutés par le nœud B avant son arrêt").isPositive();
    assertThat(parA).as("jobs exécutés par le nœud A").isPositive();
    assertThat(encoreAuDebut).as("dossiers dont la continuation d'ouverture n'a pas tourné").isZero();
    assertThat(perdus).as("jobs perdus").isZero();
    assertThat(refaits).as("jobs exécutés deux fois").isZero();
  }

  private static String[] arguments(String nom) {
    return new String[] {"--spring.profiles.active=postgres",
        // the job log names the node that ran each job
        "--camunda.bpm.generic-properties.properties.hostname=" + nom,
        // shorter than the installed lock, so that the test waits less for the dead node's jobs
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        "--camunda.bpm.job-execution.wait-time-in-millis=200"};
  }

  private Map<String, String> environnement(boolean creeLeSchema, boolean executeLesJobs) {
    Map<String, String> environnement = new HashMap<>();
    environnement.put("DIFE_DB_URL", System.getenv("DIFE_DB_URL_NOEUDS"));
    environnement.put("DIFE_DB_USER", System.getenv("DIFE_DB_USER"));
    environnement.put("DIFE_DB_PASSWORD", System.getenv("DIFE_DB_PASSWORD"));
    environnement.put("DIFE_DB_SCHEMA_UPDATE", String.valueOf(creeLeSchema));
    environnement.put("DIFE_JOB_EXECUTION", String.valueOf(executeLesJobs));
    environnement.put("DIFE_ADMIN_PASSWORD", MOT_DE_PASSE);
    environnement.put("DIFE_NIR_CLE", "cle-du-test-des-noeuds-assez-longue-0123456789");
    environnement.put("DIFE_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
    environnement.put("DIFE_ADM79_EMAIL", "equipe-adm79@test.invalid");
    return environnement;
  }

  /** 1,000 dossiers over HTTP, half of which go on to the identity stage and its emails. */
  private static void ouvrir(ClientHttp http) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    AtomicInteger numero = new AtomicInteger();
    List<Future<Integer>> statuts = new ArrayList<>();
    for (int i = 0; i < DOSSIERS; i++) {
      statuts.add(clients.submit(() -> {
        ObjectNode demande = DossiersDeTest.demande(numero.incrementAndGet() % 2 == 0);
        demande.put("association", "aml45");
        return http.post(ADMIN, MOT_DE_PASSE, "/api/dossiers", demande).statut();
      }));
    }
    for (Future<Integer> statut : statuts) {
      assertThat(statut.get()).isEqualTo(201);
    }
    clients.shutdown();
  }

  private long reussis() {
    return requete("select count(*) from act_hi_job_log where job_state_ = " + REUSSI + HORS_NETTOYAGE);
  }

  private static long requete(String sql) {
    try (Connection connexion = DriverManager.getConnection(System.getenv("DIFE_DB_URL_NOEUDS"),
        System.getenv("DIFE_DB_USER"), System.getenv("DIFE_DB_PASSWORD"));
        ResultSet resultat = connexion.createStatement().executeQuery(sql)) {
      resultat.next();
      return resultat.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " : " + e.getMessage(), e);
    }
  }
}
