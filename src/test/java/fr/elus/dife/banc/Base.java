package fr.elus.dife.banc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;

/** Where one engine of the bench keeps its data, and how many bytes that takes now. */
record Base(String nom, String url, String utilisateur, String motDePasse, String pilote, Path fichiers,
    int connexions) {

  /**
   * An H2 file database of its own under the bench's folder, with the settings of the
   * app's URL (parametres, from ";"): the same durability of commits on both sides.
   */
  static Base h2(Path dossier, String nom, String parametres) {
    Path fichiers = dossier.resolve(nom);
    return new Base("H2 fichier", "jdbc:h2:file:" + fichiers.toAbsolutePath().resolve("base") + parametres, "sa",
        "", "org.h2.Driver", fichiers, 10);
  }

  /** A PostgreSQL database that bench/run created empty. */
  static Base postgres(String url, String utilisateur, String motDePasse) {
    return new Base("PostgreSQL", url, utilisateur, motDePasse, "org.postgresql.Driver", null, 10);
  }

  boolean estPostgres() {
    return fichiers == null;
  }

  /**
   * Bytes the data takes now: for H2 the space its tables and indexes use in the
   * file (DISK_SPACE_USED; the file itself grows by chunks and is compacted later,
   * so its size per dossier means little until thousands), pg_database_size for PostgreSQL.
   */
  long octets() {
    try (Connection connexion = DriverManager.getConnection(url, utilisateur, motDePasse)) {
      return octets(connexion);
    } catch (SQLException e) {
      throw new IllegalStateException("Taille de la base " + url + " : " + e.getMessage(), e);
    }
  }

  /** The same through a connection of the engine's own pool (H2 shares a file database within the JVM). */
  long octets(Connection connexion) {
    try {
      if (estPostgres()) {
        try (ResultSet r = connexion.createStatement().executeQuery("select pg_database_size(current_database())")) {
          r.next();
          return r.getLong(1);
        }
      }
      try (ResultSet r = connexion.createStatement().executeQuery("select sum(disk_space_used('\"' || table_schema"
          + " || '\".\"' || table_name || '\"')) from information_schema.tables where table_schema = 'PUBLIC'")) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Taille de la base " + url + " : " + e.getMessage(), e);
    }
  }

  /** The size of the H2 files on disk after a checkpoint. */
  long octetsFichiers(Connection connexion) {
    try {
      connexion.createStatement().execute("checkpoint sync");
    } catch (SQLException e) {
      throw new IllegalStateException("Point de contrôle de " + url + " : " + e.getMessage(), e);
    }
    try (Stream<Path> contenu = Files.walk(fichiers)) {
      return contenu.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
