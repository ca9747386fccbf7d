package fr.elus.dife.indicateurs;

import fr.elus.dife.indicateurs.Perimetre.Periode;
import fr.elus.dife.parcours.StatutDossier;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Measures the indicators' queries at 100,000 dossiers (README, « Indicateurs »):
 * loads a fresh database with dossiers spread over a year, their stages,
 * deadlines and amounts in the proportions of the journey, then times each query
 * and prints its median and 95th percentile. Not a test: run it by hand, on H2
 * (default, under target/banc) or on PostgreSQL (DIFE_DB_URL, DIFE_DB_USER,
 * DIFE_DB_PASSWORD: a database of its own, emptied first).
 */
public final class IndicateursBanc {

  private static final int DOSSIERS = Integer.getInteger("dossiers", 100_000);
  private static final int MESURES = 20;
  private static final Instant MAINTENANT = Instant.parse("2026-12-01T10:00:00Z");
  private static final List<StatutDossier> ETAPES = Arrays.stream(StatutDossier.values())
      .filter(s -> !Etapes.estClos(s.name())).toList();
  private static final String[] CLOTURES = {"CLOS_FORMATION_SUIVIE", "CLOS_DIFE_NON_MOBILISE", "CLOS_ABANDON"};

  private IndicateursBanc() {
  }

  public static void main(String[] args) throws Exception {
    // a cache of 256 MiB: random keys (process instance ids) make the default one read pages over and over
    String url = System.getenv().getOrDefault("DIFE_DB_URL", "jdbc:h2:file:./target/banc/dife;CACHE_SIZE=262144");
    // one connection throughout, committed by batch: H2 closes a file database with its last
    // connection, and commits each statement of a batch in auto-commit
    SingleConnectionDataSource source = new SingleConnectionDataSource(url,
        System.getenv().getOrDefault("DIFE_DB_USER", "sa"), System.getenv().getOrDefault("DIFE_DB_PASSWORD", ""), true);
    JdbcTemplate jdbc = new JdbcTemplate(source);
    // -Dchargement=false measures again the database of a previous run
    if (Boolean.parseBoolean(System.getProperty("chargement", "true"))) {
      Flyway flyway = Flyway.configure().dataSource(source).cleanDisabled(false).load();
      flyway.clean();
      flyway.migrate();
      long debut = System.nanoTime();
      source.getConnection().setAutoCommit(false);
      // H2 spends its time in the secondary indexes when rows come in by random instance ids: built after
      List<String> index = supprimerIndex(jdbc, source.getConnection());
      charger(jdbc, source.getConnection());
      index.forEach(jdbc::execute);
      System.out.printf("%s : %,d dossiers, %,d étapes, %,d délais chargés en %d s%n", url, DOSSIERS,
          jdbc.queryForObject("select count(*) from dife_etape_dossier", Long.class),
          jdbc.queryForObject("select count(*) from dife_delai_dossier", Long.class),
          Duration.ofNanos(System.nanoTime() - debut).toSeconds());
      debut = System.nanoTime();
      // as the migration V15_3 does on a database that already holds dossiers
      new AgregatsSuivi(jdbc).reprendre();
      source.getConnection().commit();
      source.getConnection().setAutoCommit(true);
      System.out.printf("agrégats repris du détail en %d s : %,d lignes de durées, %,d d'entrées, %,d de délais%n",
          Duration.ofNanos(System.nanoTime() - debut).toSeconds(),
          jdbc.queryForObject("select count(*) from dife_agregat_duree", Long.class),
          jdbc.queryForObject("select count(*) from dife_agregat_entree", Long.class),
          jdbc.queryForObject("select count(*) from dife_agregat_delai", Long.class));
    }
    if (url.startsWith("jdbc:h2:")) {
      // H2 would otherwise hand back the previous result of a query whose tables did not change
      jdbc.execute("set optimize_reuse_results 0");
    }
    NamedParameterJdbcTemplate nomme = new NamedParameterJdbcTemplate(source);
    LectureIndicateurs lecture = new LectureIndicateurs(nomme, null, null, Clock.fixed(MAINTENANT, Perimetre.PARIS));
    ExportDossiers export = new ExportDossiers(nomme);
    Periode annee = new Periode(LocalDate.of(2025, 12, 2), LocalDate.of(2026, 12, 1));
    Periode moisEntiers = new Periode(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30));
    // the JIT and the database's page cache warmed first, as in a running application
    for (int i = 0; i < 10; i++) {
      lecture.calculer(List.of("aml45", "adm79"), annee);
      lecture.calculer(List.of("aml45", "adm79"), moisEntiers);
    }
    for (List<String> associations : List.of(List.of("aml45", "adm79"), List.of("aml45"))) {
      MapSqlParameterSource p = LectureIndicateurs.parametres(associations, annee);
      System.out.println("Associations " + associations + ", 12 mois :");
      mesurer("  dossiers par statut", () -> lecture.parStatut(p));
      mesurer("  ouverts et clos par mois", () -> lecture.parMois(p, annee));
      mesurer("  médiane et p90 par étape", () -> lecture.durees(p, annee));
      mesurer("  délais tenus et manqués", () -> lecture.delais(p));
      mesurer("  nombre de dossiers en retard", () -> lecture.nombreEnRetard(p));
      mesurer("  dossiers en retard", () -> lecture.enRetard(p, MAINTENANT));
      mesurer("GET /api/indicateurs (tout)", () -> lecture.calculer(associations, annee));
      mesurer("  le même sur 12 mois entiers", () -> lecture.calculer(associations, moisEntiers));
    }
    if (!Boolean.parseBoolean(System.getProperty("exports", "true"))) {
      return;
    }
    mesurerUneFois("export CSV, toutes les lignes", () -> {
      try (FormatExport.Csv csv = new FormatExport.Csv(OutputStream.nullOutputStream())) {
        export.exporter(List.of("aml45", "adm79"), null, annee, csv);
      }
      return null;
    });
    mesurerUneFois("export XLSX, toutes les lignes", () -> {
      try (FormatExport.Xlsx xlsx = new FormatExport.Xlsx(OutputStream.nullOutputStream())) {
        export.exporter(List.of("aml45", "adm79"), null, annee, xlsx);
      }
      return null;
    });
  }

  private static void mesurer(String quoi, Callable<?> requete) throws Exception {
    for (int i = 0; i < 3; i++) {
      requete.call();
    }
    long[] durees = new long[MESURES];
    for (int i = 0; i < MESURES; i++) {
      long t = System.nanoTime();
      requete.call();
      durees[i] = System.nanoTime() - t;
    }
    Arrays.sort(durees);
    System.out.printf("  %-32s p50 %6.1f ms   p95 %6.1f ms%n", quoi, durees[MESURES / 2] / 1e6,
        durees[(int) Math.ceil(MESURES * 0.95) - 1] / 1e6);
  }

  private static void mesurerUneFois(String quoi, Callable<?> traitement) throws Exception {
    long t = System.nanoTime();
    traitement.call();
    System.out.printf("%-34s %6.1f s (mémoire utilisée après : %d Mio)%n", quoi, (System.nanoTime() - t) / 1e9,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  /** Drops the non-unique indexes of the tables loaded, and gives the statements that make them again. */
  private static List<String> supprimerIndex(JdbcTemplate jdbc, Connection connexion) throws SQLException {
    List<String> creations = new ArrayList<>();
    for (String table : List.of("dife_dossier", "dife_etape_dossier", "dife_delai_dossier")) {
      boolean majuscules = connexion.getMetaData().storesUpperCaseIdentifiers();
      Map<String, List<String>> colonnes = new LinkedHashMap<>();
      try (ResultSet rs = connexion.getMetaData().getIndexInfo(null, null, majuscules ? table.toUpperCase() : table,
          false, false)) {
        while (rs.next()) {
          if (rs.getBoolean("NON_UNIQUE") && rs.getString("INDEX_NAME") != null) {
            colonnes.computeIfAbsent(rs.getString("INDEX_NAME"), n -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
          }
        }
      }
      colonnes.forEach((nom, liste) -> {
        jdbc.execute("drop index " + nom);
        creations.add("create index " + nom + " on " + table + " (" + String.join(", ", liste) + ")");
      });
    }
    return creations;
  }

  /** A year of dossiers: 60 % closed, the open ones spread over the stages, about one deadline in ten missed. */
  private static void charger(JdbcTemplate jdbc, Connection connexion) throws SQLException {
    Random hasard = new Random(15);
    List<Object[]> dossiers = new ArrayList<>();
    List<Object[]> etapes = new ArrayList<>();
    List<Object[]> delais = new ArrayList<>();
    List<Object[]> montants = new ArrayList<>();
    for (int n = 1; n <= DOSSIERS; n++) {
      String instance = UUID.randomUUID().toString();
      String association = hasard.nextInt(3) == 0 ? "adm79" : "aml45";
      Instant moment = MAINTENANT.minus(Duration.ofMinutes(hasard.nextInt(365 * 24 * 60)));
      Instant ouverture = moment;
      boolean clos = hasard.nextInt(10) < 6;
      int derniere = clos ? ETAPES.size() - 1 : hasard.nextInt(ETAPES.size());
      for (int e = 0; e <= derniere && !moment.isAfter(MAINTENANT); e++) {
        Instant fin = moment.plus(Duration.ofMinutes((long) (-Math.log(1 - hasard.nextDouble()) * 60 * 24 * 4)));
        boolean courante = e == derniere && !clos || fin.isAfter(MAINTENANT);
        etapes.add(new Object[] {instance, association, ETAPES.get(e).name(), Timestamp.from(moment),
            courante ? null : Timestamp.from(fin), courante ? null : Duration.between(moment, fin).toSeconds()});
        if (hasard.nextInt(3) == 0) {
          Delai delai = Delai.values()[hasard.nextInt(Delai.values().length)];
          boolean manque = hasard.nextInt(10) == 0;
          delais.add(new Object[] {instance + "-" + e, instance, association, delai.name(), Timestamp.from(moment),
              manque ? Timestamp.from(moment.plus(Duration.ofHours(30))) : null, courante ? null : Timestamp.from(fin)});
        }
        moment = fin;
        if (courante) {
          clos = false;
          break;
        }
      }
      if (clos) {
        etapes.add(new Object[] {instance, association, CLOTURES[hasard.nextInt(3)], Timestamp.from(moment), null, null});
        montants.add(new Object[] {instance, 1200, 700, 375, 125, 35, 110, 145});
      }
      dossiers.add(new Object[] {String.format("DIFE-BANC-%06d", n), association, instance, instance, instance,
          clos ? null : instance, Timestamp.from(ouverture), clos ? Timestamp.from(moment) : null});
      if (dossiers.size() == 5_000 || n == DOSSIERS) {
        jdbc.batchUpdate("insert into dife_dossier (reference, association, process_instance_id, cle_doublon, "
            + "cle_etat_civil, cle_doublon_ouverte, date_ouverture, date_cloture) values (?, ?, ?, ?, ?, ?, ?, ?)", dossiers);
        jdbc.batchUpdate("insert into dife_etape_dossier (process_instance_id, association, statut, debut, fin, "
            + "duree_secondes) values (?, ?, ?, ?, ?, ?)", etapes);
        jdbc.batchUpdate("insert into dife_delai_dossier (id, process_instance_id, association, delai, debut, "
            + "depasse_le, fin) values (?, ?, ?, ?, ?, ?, ?)", delais);
        jdbc.batchUpdate("insert into dife_montants_dossier (process_instance_id, cout_formation, prise_en_charge_dife, "
            + "contribution_collectivite, reste_a_charge_elu, frais_repas, frais_nuitees, frais_thr) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)", montants);
        connexion.commit();
        dossiers.clear();
        etapes.clear();
        delais.clear();
        montants.clear();
      }
    }
  }

}
