package fr.elus.dife.indicateurs;

import fr.elus.dife.dossier.NombreParStatut;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregates of V15_2 that the indicators read instead of the detail rows: dossiers per current
 * status, stages entered per Paris day, durations of the stages ended as a histogram per Paris
 * month and per Paris day (for the days of a period outside its whole months), deadlines per Paris
 * day of their start by outcome. SuiviRepository hands every change of the detail rows here as deltas;
 * they are summed per row and written just before the engine's transaction commits, in the order
 * of their keys, so that two commands never lock the shared rows in opposite orders.
 */
@Repository
public class AgregatsSuivi implements NombreParStatut {

  /** One row of an aggregate; code is the status or the deadline, jour null and tranche 0 where the table has none. */
  record Cle(Sorte sorte, String association, LocalDate jour, String code, long tranche) implements Comparable<Cle> {
    private static final Comparator<Cle> ORDRE = Comparator.comparing(Cle::sorte).thenComparing(Cle::association)
        .thenComparing(Cle::jour, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Cle::code)
        .thenComparingLong(Cle::tranche);

    @Override
    public int compareTo(Cle autre) {
      return ORDRE.compare(this, autre);
    }
  }

  /** Each aggregate table: its key columns after association, its values and how each is combined. */
  enum Sorte {
    STATUT("dife_agregat_statut", "statut", "nombre", "+"),
    ENTREE("dife_agregat_entree", "jour, statut", "nombre", "+"),
    DUREE("dife_agregat_duree", "mois, statut, tranche", "nombre, minimum, maximum", "+lg"),
    DUREE_JOUR("dife_agregat_duree_jour", "jour, statut, tranche", "nombre, minimum, maximum", "+lg"),
    DELAI("dife_agregat_delai", "jour, delai", "tenus, manques, en_cours, en_retard", "++++");

    final String table;
    final String cles;
    final String valeurs;
    final String operations;

    Sorte(String table, String cles, String valeurs, String operations) {
      this.table = table;
      this.cles = "association, " + cles;
      this.valeurs = valeurs;
      this.operations = operations;
    }

    boolean avecJour() {
      return cles.contains("jour") || cles.contains("mois");
    }

    boolean avecTranche() {
      return cles.endsWith("tranche");
    }

    Cle cle(ResultSet rs) throws SQLException {
      int i = 1;
      String association = rs.getString(i++);
      LocalDate jour = avecJour() ? rs.getDate(i++).toLocalDate() : null;
      String code = rs.getString(i++);
      return new Cle(this, association, jour, code, avecTranche() ? rs.getLong(i) : 0);
    }

    List<Object> colonnes(Cle cle) {
      List<Object> colonnes = new ArrayList<>(List.of(cle.association()));
      if (avecJour()) {
        colonnes.add(Date.valueOf(cle.jour()));
      }
      colonnes.add(cle.code());
      if (avecTranche()) {
        colonnes.add(cle.tranche());
      }
      return colonnes;
    }
  }

  private static final Object TAMPON = new Object();

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public AgregatsSuivi(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The histogram's bucket: a quarter of a power of two (from 2^n, 1.25 × 2^n, 1.5 × 2^n, 1.75 × 2^n),
   * so a bucket is at most 25 % of its durations wide, and few enough that a year of a status is
   * about forty rows. Durations under 8 s are their own bucket.
   */
  static long tranche(long secondes) {
    if (secondes < 8) {
      return secondes;
    }
    int decalage = 61 - Long.numberOfLeadingZeros(secondes);
    return secondes >> decalage << decalage;
  }

  static LocalDate jour(Instant moment) {
    return LocalDate.ofInstant(moment, Perimetre.PARIS);
  }

  void entree(String association, String statut, Instant debut) {
    ajouter(new Cle(Sorte.ENTREE, association, jour(debut), statut, 0), new long[] {1});
    ajouter(new Cle(Sorte.STATUT, association, null, statut, 0), new long[] {1});
  }

  void duree(String association, String statut, Instant fin, long secondes) {
    ajouter(new Cle(Sorte.STATUT, association, null, statut, 0), new long[] {-1});
    ajouter(new Cle(Sorte.DUREE, association, jour(fin).withDayOfMonth(1), statut, tranche(secondes)),
        new long[] {1, secondes, secondes});
    ajouter(new Cle(Sorte.DUREE_JOUR, association, jour(fin), statut, tranche(secondes)),
        new long[] {1, secondes, secondes});
  }

  /** etatAvant and etatApres as etat() gives them; null for a row that did not exist. */
  void delai(String association, String delai, Instant debut, long[] etatAvant, long[] etatApres) {
    long[] difference = new long[4];
    for (int i = 0; i < 4; i++) {
      difference[i] = (etatApres == null ? 0 : etatApres[i]) - (etatAvant == null ? 0 : etatAvant[i]);
    }
    if (difference[0] != 0 || difference[1] != 0 || difference[2] != 0 || difference[3] != 0) {
      ajouter(new Cle(Sorte.DELAI, association, jour(debut), delai, 0), difference);
    }
  }

  /** The outcome of a wait as the indicators count it: tenus, manques, en cours, en retard. */
  static long[] etat(Timestamp depasseLe, Timestamp fin, boolean annule) {
    return new long[] {depasseLe == null && fin != null && !annule ? 1 : 0, depasseLe != null ? 1 : 0,
        depasseLe == null && fin == null ? 1 : 0, depasseLe != null && fin == null ? 1 : 0};
  }

  private void ajouter(Cle cle, long[] delta) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      ecrire(Map.of(cle, delta));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<Cle, long[]> tampon = (Map<Cle, long[]>) TransactionSynchronizationManager.getResource(TAMPON);
    if (tampon == null) {
      Map<Cle, long[]> nouveau = new TreeMap<>();
      TransactionSynchronizationManager.bindResource(TAMPON, nouveau);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          TransactionSynchronizationManager.unbindResource(TAMPON);
          ecrire(nouveau);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(TAMPON);
        }
      });
      tampon = nouveau;
    }
    tampon.merge(cle, delta, AgregatsSuivi::fusionner);
  }

  private static long[] fusionner(long[] a, long[] b) {
    long[] somme = a.clone();
    somme[0] += b[0];
    for (int i = 1; i < somme.length; i++) {
      somme[i] = a.length == 3 ? (i == 1 ? Math.min(a[i], b[i]) : Math.max(a[i], b[i])) : a[i] + b[i];
    }
    return somme;
  }

  private void ecrire(Map<Cle, long[]> deltas) {
    // a status entered and left in the same transaction sums to nothing: no upsert, which
    // would hold the association's row until commit for nothing
    deltas.forEach((cle, delta) -> {
      if (!nul(delta)) {
        cumuler(cle, delta);
      }
    });
  }

  /** An upsert adding each value (+), or keeping the least (l) or greatest (g). */
  private void cumuler(Cle cle, long[] delta) {
    Sorte sorte = cle.sorte();
    List<Object> arguments = sorte.colonnes(cle);
    for (long d : delta) {
      arguments.add(d);
    }
    String marques = "?, ".repeat(arguments.size() - 1) + "?";
    boolean pg = estPostgres();
    String source = pg ? "excluded." : "s.";
    String[] colonnes = sorte.valeurs.split(", ");
    List<String> misesAJour = new ArrayList<>();
    for (int i = 0; i < colonnes.length; i++) {
      String c = colonnes[i];
      misesAJour.add(c + " = " + switch (sorte.operations.charAt(i)) {
        case 'l' -> "least(t." + c + ", " + source + c + ")";
        case 'g' -> "greatest(t." + c + ", " + source + c + ")";
        default -> "t." + c + " + " + source + c;
      });
    }
    String toutes = sorte.cles + ", " + sorte.valeurs;
    String sql;
    if (pg) {
      sql = "insert into " + sorte.table + " as t (" + toutes + ") values (" + marques + ") on conflict ("
          + sorte.cles + ") do update set " + String.join(", ", misesAJour);
    } else {
      List<String> egalites = new ArrayList<>();
      for (String c : sorte.cles.split(", ")) {
        egalites.add("t." + c + " = s." + c);
      }
      sql = "merge into " + sorte.table + " t using (values (" + marques + ")) s (" + toutes + ") on "
          + String.join(" and ", egalites) + " when matched then update set " + String.join(", ", misesAJour)
          + " when not matched then insert (" + toutes + ") values (s." + String.join(", s.", toutes.split(", ")) + ")";
    }
    jdbc.update(sql, arguments.toArray());
  }

  private boolean estPostgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) (Connection c) ->
          c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
    }
    return postgres;
  }

  @Override
  public long nombre(List<String> associations, String statut) {
    List<Object> parametres = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    if (statut != null) {
      conditions.add("statut = ?");
      parametres.add(statut);
    }
    if (associations != null) {
      conditions.add(associations.stream().map(a -> "?").collect(Collectors.joining(", ", "association in (", ")")));
      parametres.addAll(associations);
    }
    Long nombre = jdbc.queryForObject("select coalesce(sum(nombre), 0) from dife_agregat_statut"
        + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)), Long.class, parametres.toArray());
    return nombre == null ? 0 : nombre;
  }

  /** The aggregates as the detail rows give them now: what the migration writes, and what the tests compare with. */
  Map<Cle, long[]> recalculer() {
    Map<Cle, long[]> agregats = new TreeMap<>();
    jdbc.query("select association, statut, debut, fin, duree_secondes from dife_etape_dossier", (ResultSet rs) -> {
      String association = rs.getString(1);
      String statut = rs.getString(2);
      agregats.merge(new Cle(Sorte.ENTREE, association, jour(rs.getTimestamp(3).toInstant()), statut, 0),
          new long[] {1}, AgregatsSuivi::fusionner);
      Timestamp fin = rs.getTimestamp(4);
      long duree = rs.getLong(5);
      if (fin == null) {
        agregats.merge(new Cle(Sorte.STATUT, association, null, statut, 0), new long[] {1}, AgregatsSuivi::fusionner);
      } else if (!rs.wasNull()) {
        LocalDate jour = jour(fin.toInstant());
        agregats.merge(new Cle(Sorte.DUREE, association, jour.withDayOfMonth(1), statut, tranche(duree)),
            new long[] {1, duree, duree}, AgregatsSuivi::fusionner);
        agregats.merge(new Cle(Sorte.DUREE_JOUR, association, jour, statut, tranche(duree)),
            new long[] {1, duree, duree}, AgregatsSuivi::fusionner);
      }
    });
    jdbc.query("select association, delai, debut, depasse_le, fin, annule from dife_delai_dossier", (ResultSet rs) -> {
      agregats.merge(new Cle(Sorte.DELAI, rs.getString(1), jour(rs.getTimestamp(3).toInstant()), rs.getString(2), 0),
          etat(rs.getTimestamp(4), rs.getTimestamp(5), rs.getBoolean(6)), AgregatsSuivi::fusionner);
    });
    agregats.values().removeIf(AgregatsSuivi::nul);
    return agregats;
  }

  /** Replaces the aggregates by the recomputation from the detail rows. */
  public void reprendre() {
    Map<Sorte, List<Object[]>> lignes = new TreeMap<>();
    recalculer().forEach((cle, v) -> {
      List<Object> ligne = cle.sorte().colonnes(cle);
      for (long valeur : v) {
        ligne.add(valeur);
      }
      lignes.computeIfAbsent(cle.sorte(), s -> new ArrayList<>()).add(ligne.toArray());
    });
    for (Sorte sorte : Sorte.values()) {
      jdbc.update("delete from " + sorte.table);
      String toutes = sorte.cles + ", " + sorte.valeurs;
      jdbc.batchUpdate("insert into " + sorte.table + " (" + toutes + ") values ("
          + "?, ".repeat(toutes.split(", ").length - 1) + "?)", lignes.getOrDefault(sorte, List.of()));
    }
  }

  /** The aggregates as they are stored, rows of zeros left out (a wait that moved on leaves one). */
  Map<Cle, long[]> lire() {
    Map<Cle, long[]> agregats = new TreeMap<>();
    for (Sorte sorte : Sorte.values()) {
      int cles = sorte.cles.split(", ").length;
      int valeurs = sorte.valeurs.split(", ").length;
      jdbc.query("select " + sorte.cles + ", " + sorte.valeurs + " from " + sorte.table, (ResultSet rs) -> {
        long[] v = new long[valeurs];
        for (int i = 0; i < valeurs; i++) {
          v[i] = rs.getLong(cles + 1 + i);
        }
        agregats.put(sorte.cle(rs), v);
      });
    }
    agregats.values().removeIf(AgregatsSuivi::nul);
    return agregats;
  }

  private static boolean nul(long[] valeurs) {
    return valeurs.length != 3 && Arrays.stream(valeurs).allMatch(v -> v == 0);
  }

  /** One line per row, for comparing two sets of aggregates. */
  static List<String> enLignes(Map<Cle, long[]> agregats) {
    return agregats.entrySet().stream().map(e -> e.getKey() + " " + Arrays.toString(e.getValue())).toList();
  }
}
