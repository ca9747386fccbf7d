package fr.elus.dife.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * H2 written a chunk per commit (WRITE_DELAY=0) keeps a few live pages in each chunk and
 * so never reuses them: its file grows with every burst. Ranged, the second burst
 * reuses the space the first one left. Retention 0 here so that freed chunks are
 * reusable at once (the application keeps H2's 45 s).
 */
class RangementH2Test {

  @Test
  void uneSecondeRafaleReutiliseLaPlaceDeLaPremiere() throws Exception {
    long[] sansRangement = deuxRafales(false);
    long[] avecRangement = deuxRafales(true);
    System.out.printf("Rangement H2 : après une rafale, puis deux : %d puis %d Kio sans rangement, %d puis %d Kio avec%n",
        sansRangement[0] / 1024, sansRangement[1] / 1024, avecRangement[0] / 1024, avecRangement[1] / 1024);
    assertThat(sansRangement[1]).as("sans rangement, le fichier grandit à chaque rafale")
        .isGreaterThan(sansRangement[0] * 3 / 2);
    assertThat(avecRangement[1]).as("avec rangement, la seconde rafale réutilise la place")
        .isLessThan(avecRangement[0] * 3 / 2).isLessThan(sansRangement[1] / 3);
  }

  private static long[] deuxRafales(boolean ranger) throws Exception {
    Path fichier = Path.of("target", "h2-tests", "rangement-" + UUID.randomUUID()).toAbsolutePath();
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:file:" + fichier + ";WRITE_DELAY=0;RETENTION_TIME=0");
      EcrivainUnique base = new EcrivainUnique(pool, Duration.ofSeconds(30));
      try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
        s.execute("create table t (id int primary key, v varchar(200), w varchar(200))");
        s.execute("create index t_v on t(v)");
        s.execute("create index t_w on t(w)");
        s.execute("insert into t select x, 'v' || x, 'w' || x from system_range(1, 20000)");
      }
      StockageH2.Rangement rangement = new StockageH2.Rangement(base, Duration.ofSeconds(1), Duration.ofSeconds(5),
          60, 1 << 20);
      assertThat(rangement.ouvrir()).as("H2 ne range plus lui-même son fichier").isTrue();
      long[] tailles = new long[2];
      for (int rafale = 0; rafale < 2; rafale++) {
        // small commits, each of which writes a chunk of its own
        try (Connection c = base.getConnection();
            PreparedStatement p = c.prepareStatement("update t set v = ?, w = ? where id = ?")) {
          for (int i = 0; i < 2000; i++) {
            p.setString(1, "valeur " + rafale + " " + i);
            p.setString(2, UUID.randomUUID().toString());
            p.setInt(3, 1 + (i * 7919) % 20000);
            p.executeUpdate();
            if (ranger && i % 200 == 0) {
              rangement.passe();
            }
          }
        }
        if (ranger) {
          rangement.passe();
        }
        tailles[rafale] = Files.size(Path.of(fichier + ".mv.db"));
      }
      return tailles;
    }
  }
}
