package fr.elus.dife.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One writing transaction at a time on the H2 file, readers never held. */
class EcrivainUniqueTest {

  private HikariDataSource pool;
  private EcrivainUnique base;

  @BeforeEach
  void ouvrir() throws Exception {
    pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:h2:file:" + Path.of("target", "h2-tests", "ecrivain-" + UUID.randomUUID()).toAbsolutePath()
        + ";WRITE_DELAY=0");
    pool.setMaximumPoolSize(4);
    base = new EcrivainUnique(pool, Duration.ofSeconds(2));
    try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table t (id int primary key, v varchar(20))");
      s.execute("insert into t values (1, 'a')");
    }
  }

  @AfterEach
  void fermer() throws Exception {
    base.close();
    assertThat(pool.isClosed()).as("le pool se ferme avec la garde").isTrue();
  }

  @Test
  void reconnaitLesEcritures() {
    // twice: the second answer comes from the classification kept for that text
    for (int fois = 0; fois < 2; fois++) {
      reconnaitLesEcrituresUneFois();
    }
  }

  private static void reconnaitLesEcrituresUneFois() {
    assertThat(EcrivainUnique.ecrit("select * from t")).isFalse();
    assertThat(EcrivainUnique.ecrit("  \n/* camunda */ (SELECT 1)")).isFalse();
    assertThat(EcrivainUnique.ecrit("with x as (select 1) select * from x")).isFalse();
    assertThat(EcrivainUnique.ecrit("select * from t where id = ? for update")).isTrue();
    assertThat(EcrivainUnique.ecrit("select next value for s")).isTrue();
    assertThat(EcrivainUnique.ecrit("insert into t values (2, 'b')")).isTrue();
    assertThat(EcrivainUnique.ecrit("UPDATE t set v = ?")).isTrue();
    assertThat(EcrivainUnique.ecrit("delete from t")).isTrue();
    assertThat(EcrivainUnique.ecrit("merge into t key (id) values (1, 'c')")).isTrue();
    assertThat(EcrivainUnique.ecrit("create index i on t(v)")).isTrue();
    assertThat(EcrivainUnique.ecrit("-- commentaire\nupdate t set v = 'x'")).isTrue();
    assertThat(EcrivainUnique.ecrit("select * from t where v in (" + "'x', ".repeat(2000) + "'y') for update"))
        .isTrue();
    assertThat(EcrivainUnique.ecrit("selection")).isTrue();
  }

  @Test
  void uneSecondeTransactionEcritApresLaCommitDeLaPremiere() throws Exception {
    try (Connection premiere = base.getConnection()) {
      premiere.setAutoCommit(false);
      try (PreparedStatement p = premiere.prepareStatement("update t set v = ? where id = 1")) {
        p.setString(1, "premiere");
        p.executeUpdate();
      }
      CompletableFuture<String> seconde = CompletableFuture.supplyAsync(() -> {
        try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
          s.executeUpdate("insert into t values (2, 'seconde')");
          var r = s.executeQuery("select v from t where id = 1");
          r.next();
          return r.getString(1);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // a reader on a third connection is not held meanwhile
      CompletableFuture<Integer> lecteur = CompletableFuture.supplyAsync(() -> {
        try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
          var r = s.executeQuery("select count(*) from t");
          r.next();
          return r.getInt(1);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(lecteur.get(2, TimeUnit.SECONDS)).isEqualTo(1);
      assertThatThrownBy(() -> seconde.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      premiere.commit();
      assertThat(seconde.get(2, TimeUnit.SECONDS)).as("écrit après la première, et la voit").isEqualTo("premiere");
    }
  }

  @Test
  void leMemeFilEcritSurUneSecondeConnexion() throws Exception {
    try (Connection premiere = base.getConnection(); Connection seconde = base.getConnection()) {
      premiere.setAutoCommit(false);
      seconde.setAutoCommit(false);
      premiere.createStatement().executeUpdate("update t set v = 'a1' where id = 1");
      seconde.createStatement().executeUpdate("insert into t values (3, 'c')");
      seconde.commit();
      premiere.rollback();
    }
    try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("update t set v = 'libre' where id = 3")).isEqualTo(1);
    }
  }

  @Test
  void uneEcritureQuiAttendTropEchoueEnFrancaisSansRienEcrire() throws Exception {
    try (Connection premiere = base.getConnection()) {
      premiere.setAutoCommit(false);
      premiere.createStatement().executeUpdate("update t set v = 'longue' where id = 1");
      CompletableFuture<Void> seconde = CompletableFuture.runAsync(() -> {
        try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
          s.executeUpdate("insert into t values (4, 'trop tard')");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThatThrownBy(() -> seconde.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLTransientException.class)
          .rootCause().hasMessageContaining("une autre transaction écrit depuis plus de 2 s");
      premiere.rollback();
    }
    try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
      var r = s.executeQuery("select count(*) from t where id = 4");
      r.next();
      assertThat(r.getInt(1)).isZero();
    }
  }

  @Test
  void uneConnexionRenduePendantSaTransactionLibereLeJeton() throws Exception {
    Connection abandonnee = base.getConnection();
    abandonnee.setAutoCommit(false);
    abandonnee.createStatement().executeUpdate("update t set v = 'oubliee' where id = 1");
    abandonnee.close(); // the pool rolls it back
    CompletableFuture<Integer> ensuite = CompletableFuture.supplyAsync(() -> {
      try (Connection c = base.getConnection(); Statement s = c.createStatement()) {
        return s.executeUpdate("update t set v = 'ensuite' where id = 1");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(ensuite.get(1, TimeUnit.SECONDS)).isEqualTo(1);
  }
}
