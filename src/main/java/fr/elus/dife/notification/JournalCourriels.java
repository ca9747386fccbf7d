package fr.elus.dife.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The dife_courriel table: what was sent, to whom, when. */
@Repository
public class JournalCourriels {

  public record CourrielEnvoye(String reference, String destinataire, String modele, String sujet, Instant dateEnvoi) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactionPropre;

  public JournalCourriels(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactionPropre = new TransactionTemplate(transactions);
    this.transactionPropre.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public boolean dejaEnvoye(String cle) {
    Integer nombre = jdbc.queryForObject("select count(*) from dife_courriel where cle = ?", Integer.class, cle);
    return nombre != null && nombre > 0;
  }

  /**
   * Committed at once, apart from the engine's transaction: the email has left, so
   * even if the job's transaction later rolls back, its retry must not send it again.
   */
  public void enregistrer(String cle, CourrielEnvoye courriel) {
    transactionPropre.executeWithoutResult(statut -> jdbc.update(
        "insert into dife_courriel (cle, reference, destinataire, modele, sujet, date_envoi) values (?, ?, ?, ?, ?, ?)",
        cle, courriel.reference(), courriel.destinataire(), courriel.modele(), courriel.sujet(),
        Timestamp.from(courriel.dateEnvoi())));
  }

  public List<CourrielEnvoye> duDossier(String reference) {
    return jdbc.query("select reference, destinataire, modele, sujet, date_envoi from dife_courriel "
            + "where reference = ? order by date_envoi",
        (rs, i) -> new CourrielEnvoye(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()), reference);
  }
}
