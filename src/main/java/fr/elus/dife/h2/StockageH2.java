package fr.elus.dife.h2;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * The H2 file database as the application needs it: one writer at a time (see
 * {@link EcrivainUnique}), and, when H2 writes each commit at once (WRITE_DELAY=0,
 * which stops its background writer and with it the compaction of the file), the
 * same compaction run here, as a writer: without it the file kept about one chunk in
 * ten live and grew by about 1 MB per dossier.
 */
@Configuration
public class StockageH2 {

  private static final Logger LOG = LoggerFactory.getLogger(StockageH2.class);

  @Bean
  static BeanPostProcessor ecrivainUniqueH2(@Value("${dife.h2.attente-ecriture:PT30S}") Duration attente) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String nom) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
            && pool.getJdbcUrl().startsWith("jdbc:h2:file:")) {
          return new EcrivainUnique(pool, attente);
        }
        return bean;
      }
    };
  }

  @Bean
  Rangement rangementH2(DataSource base, @Value("${dife.h2.rangement.periode:PT2S}") Duration periode,
      @Value("${dife.h2.rangement.duree-max:PT0.2S}") Duration dureeMax,
      @Value("${dife.h2.rangement.remplissage-cible:60}") int remplissageCible,
      @Value("${dife.h2.rangement.octets-par-reecriture:1048576}") int octetsParReecriture) {
    return new Rangement(base, periode, dureeMax, remplissageCible, octetsParReecriture);
  }

  /**
   * Rewrites the chunks of the file that hold less than the target share of live data,
   * a little at a time: writers wait at most one rewrite, and a pass stops after its
   * budget, so that compaction takes at most about a tenth of the writing time. The
   * chunks it empties are written over by the next commits (after H2's retention time,
   * 45 s, which keeps what a commit interrupted by a kill needs): the file stops growing
   * at the size of its busiest minute instead of growing with every commit. The file
   * itself shrinks when H2 closes (MAX_COMPACT_TIME).
   */
  public static final class Rangement {
    private final DataSource base;
    private final Duration periode;
    private final long dureeMax;
    private final int remplissageCible;
    private final int octetsParReecriture;
    private ScheduledExecutorService minuterie;
    private EcrivainUnique ecrivain;
    private MVStore magasin;

    Rangement(DataSource base, Duration periode, Duration dureeMax, int remplissageCible,
        int octetsParReecriture) {
      this.base = base;
      this.periode = periode;
      this.dureeMax = dureeMax.toNanos();
      this.remplissageCible = remplissageCible;
      this.octetsParReecriture = octetsParReecriture;
    }

    @EventListener(ApplicationReadyEvent.class)
    void demarrer() throws Exception {
      if (!ouvrir()) {
        return;
      }
      minuterie = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread fil = new Thread(r, "rangement-h2");
        fil.setDaemon(true);
        return fil;
      });
      minuterie.scheduleWithFixedDelay(this::passe, periode.toMillis(), periode.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Finds the store behind the guard; false when H2's own background writer compacts the file. */
    boolean ouvrir() throws Exception {
      if (!(base instanceof EcrivainUnique garde)) {
        return false;
      }
      try (var connexion = garde.getConnection()) {
        magasin = ((SessionLocal) connexion.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
            .getMvStore();
      }
      ecrivain = garde;
      return magasin.getAutoCommitDelay() == 0;
    }

    @EventListener(ContextClosedEvent.class)
    void arreter() throws InterruptedException {
      if (minuterie != null) {
        minuterie.shutdown();
        minuterie.awaitTermination(30, TimeUnit.SECONDS);
      }
    }

    void passe() {
      try {
        FileStore<?> fichier = magasin.getFileStore();
        int blocsAvant = fichier.getChunksFillRate();
        long tailleAvant = fichier.size();
        long fin = System.nanoTime() + dureeMax;
        boolean reecrit = true;
        while (reecrit && System.nanoTime() < fin) {
          reecrit = ecrivain.commeEcrivain(() -> {
            if (magasin.isClosed() || fichier.getChunksFillRate() >= remplissageCible
                || !magasin.compact(remplissageCible, octetsParReecriture)) {
              return false;
            }
            magasin.commit();
            return true;
          });
        }
        LOG.debug("Fichier H2 : blocs remplis à {} % puis {} %, {} puis {} octets", blocsAvant,
            fichier.getChunksFillRate(), tailleAvant, fichier.size());
      } catch (Exception e) {
        // the next pass tries again; the data itself is not at stake, only the file's size
        LOG.warn("Rangement du fichier H2 impossible : {}", e.toString());
      }
    }
  }
}
