package fr.elus.dife.api;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * A request that waited longer than the database lets a transaction wait for another
 * (H2's single writer or a row lock, a PostgreSQL deadlock, serialization failure or
 * lock timeout, no free connection in the pool): its transaction was rolled back whole,
 * and the same request later will likely pass. A 503 with Retry-After says so, where a
 * 500 would say the server is broken.
 */
public final class BaseOccupee {

  public static final String MESSAGE = "La base de données est occupée par une autre opération : rien n'a été "
      + "enregistré. Réessayez dans quelques secondes.";
  public static final String SECONDES_AVANT_NOUVEL_ESSAI = "5";

  // H2: lock timeout (and the single writer's wait); PostgreSQL: serialization failure,
  // deadlock, lock not available. A batch failure carries its statement's state.
  private static final Set<String> ETATS_SQL = Set.of("HYT00", "40001", "40P01", "55P03");
  private static final int PROFONDEUR_MAX = 32;

  private BaseOccupee() {
  }

  /** Whether this failure, or one of its causes, is such a wait. */
  public static boolean cause(Throwable erreur) {
    Throwable t = erreur;
    for (int i = 0; t != null && i < PROFONDEUR_MAX; i++) {
      if (t instanceof SQLTransientException
          || t instanceof SQLException sql && sql.getSQLState() != null && ETATS_SQL.contains(sql.getSQLState())) {
        return true;
      }
      t = t.getCause() == null && t instanceof SQLException sql ? sql.getNextException() : t.getCause();
    }
    return false;
  }
}
