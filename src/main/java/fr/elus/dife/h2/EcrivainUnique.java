package fr.elus.dife.h2;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * H2's MVStore writes a consistent snapshot of one map at a time, not of all of them
 * (upstream issue h2database#2080): a commit written while another transaction is
 * between its index and its undo log leaves, after a kill -9, index entries without
 * rows and rows without their parent (measured: "Row not found in primary index",
 * jobs without execution, in about one run of three kills). With one writing
 * transaction at a time, every snapshot falls between two statements of a single
 * transaction, which H2's recovery rolls back whole. Readers are not held.
 */
public class EcrivainUnique extends DelegatingDataSource implements AutoCloseable {

  // what H2 reads without writing: a SELECT (or WITH, VALUES, EXPLAIN, SHOW) that locks no row
  // (each statement is classified as it runs: anchored and searched patterns, no copy of the SQL)
  private static final Pattern LECTURE = Pattern.compile("(SELECT|WITH|VALUES|EXPLAIN|SHOW|TABLE)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VERROU_OU_SEQUENCE = Pattern.compile("\\b(FOR\\s+UPDATE|NEXT\\s+VALUE\\s+FOR)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DEBUT = Pattern.compile("(\\s|\\(|/\\*.*?\\*/|--[^\\n]*\\n)+", Pattern.DOTALL);

  // the engine prepares its few hundred statements again at every use, and searching a
  // SELECT for FOR UPDATE reads all of it (2 % of the journey's CPU): each text is
  // classified once; the bound keeps statements built with literals from growing it
  private static final int CLASSEMENTS_MAX = 4096;
  private static final Map<String, Boolean> CLASSEMENTS = new ConcurrentHashMap<>();

  private final JetonEcriture jeton;

  public EcrivainUnique(DataSource base, Duration attenteMax) {
    super(base);
    this.jeton = new JetonEcriture(attenteMax);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return enveloppe(super.getConnection());
  }

  @Override
  public Connection getConnection(String utilisateur, String motDePasse) throws SQLException {
    return enveloppe(super.getConnection(utilisateur, motDePasse));
  }

  /** Runs a maintenance step of the store as if it were a writing transaction. */
  <T> T commeEcrivain(Supplier<T> travail) throws SQLException {
    jeton.prendre();
    try {
      return travail.get();
    } finally {
      jeton.rendre();
    }
  }

  /** The pool behind this guard closes with it (Spring infers the destroy method from this class). */
  @Override
  public void close() throws Exception {
    if (getTargetDataSource() instanceof AutoCloseable pool) {
      pool.close();
    }
  }

  static boolean ecrit(String sql) {
    Boolean connu = CLASSEMENTS.get(sql);
    if (connu != null) {
      return connu;
    }
    boolean ecrit = classer(sql);
    if (CLASSEMENTS.size() < CLASSEMENTS_MAX) {
      CLASSEMENTS.put(sql, ecrit);
    }
    return ecrit;
  }

  private static boolean classer(String sql) {
    Matcher debut = DEBUT.matcher(sql);
    int instruction = debut.lookingAt() ? debut.end() : 0;
    return !LECTURE.matcher(sql).region(instruction, sql.length()).lookingAt()
        || VERROU_OU_SEQUENCE.matcher(sql).region(instruction, sql.length()).find();
  }

  private Connection enveloppe(Connection connexion) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Transaction(connexion));
  }

  /** One connection: takes the token at its first write, gives it back when that transaction ends. */
  private final class Transaction implements InvocationHandler {
    private final Connection connexion;
    private Connection moi;
    private boolean detient;

    Transaction(Connection connexion) {
      this.connexion = connexion;
    }

    @Override
    public Object invoke(Object proxy, Method methode, Object[] args) throws Throwable {
      moi = (Connection) proxy;
      String nom = methode.getName();
      try {
        Object resultat = appeler(connexion, methode, args);
        if (resultat instanceof Statement instruction) {
          String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
          Class<?> type = instruction instanceof CallableStatement ? CallableStatement.class
              : instruction instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
          return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type},
              new Instruction(this, instruction, sql));
        }
        return resultat;
      } finally {
        if (detient && (nom.equals("close") || nom.equals("commit") || (nom.equals("rollback") && args == null)
            || (nom.equals("setAutoCommit") && Boolean.TRUE.equals(args[0])))) {
          rendre();
        }
      }
    }

    void avantEcriture() throws SQLException {
      if (!detient) {
        jeton.prendre();
        detient = true;
      }
    }

    void apresEcriture() throws SQLException {
      if (detient && connexion.getAutoCommit()) {
        rendre();
      }
    }

    private void rendre() {
      detient = false;
      jeton.rendre();
    }
  }

  /** One statement: a write takes the connection's token before it runs. */
  private static final class Instruction implements InvocationHandler {
    private final Transaction transaction;
    private final Statement instruction;
    private final String sqlPrepare;
    private final boolean prepareEcrit;
    private boolean lotEcrit;

    Instruction(Transaction transaction, Statement instruction, String sqlPrepare) {
      this.transaction = transaction;
      this.instruction = instruction;
      this.sqlPrepare = sqlPrepare;
      this.prepareEcrit = sqlPrepare != null && ecrit(sqlPrepare);
    }

    @Override
    public Object invoke(Object proxy, Method methode, Object[] args) throws Throwable {
      String nom = methode.getName();
      if (nom.equals("getConnection")) {
        return transaction.moi;
      }
      if (nom.equals("addBatch")) {
        lotEcrit |= args != null && args.length == 1 ? ecrit((String) args[0]) : prepareEcrit;
        return appeler(instruction, methode, args);
      }
      if (!nom.startsWith("execute")) {
        return appeler(instruction, methode, args);
      }
      boolean ecriture = nom.contains("Batch") ? lotEcrit || prepareEcrit
          : args != null && args.length > 0 && args[0] instanceof String sql ? ecrit(sql)
          : sqlPrepare == null || prepareEcrit;
      if (!ecriture) {
        return appeler(instruction, methode, args);
      }
      transaction.avantEcriture();
      try {
        return appeler(instruction, methode, args);
      } finally {
        if (nom.contains("Batch")) {
          lotEcrit = false;
        }
        transaction.apresEcriture();
      }
    }
  }

  private static Object appeler(Object cible, Method methode, Object[] args) throws Throwable {
    try {
      return methode.invoke(cible, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
