package fr.elus.dife.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The dife_courriel table: what was sent, to whom, when, and the text itself. */
@Repository
public class JournalCourriels {

  /** copie: the Cc recipient, or null. */
  public record CourrielEnvoye(String reference, String destinataire, String copie, String modele, String sujet,
      String corps, String messageId, Instant dateEnvoi) {
  }

  private final JdbcTemplate jdbc;

  public JournalCourriels(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Written in the sending job's own transaction, on its connection: the record and
   * the step that sent the email commit or vanish together (a second connection
   * per job thread is what deadlocked the pool). A retry after a rollback sends
   * again under the same key and Message-ID, so the copy can be recognised.
   */
  public void enregistrer(String cle, CourrielEnvoye courriel) {
    jdbc.update("insert into dife_courriel (cle, reference, destinataire, copie, modele, sujet, corps, message_id, "
            + "date_envoi) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        cle, courriel.reference(), courriel.destinataire(), courriel.copie(), courriel.modele(), courriel.sujet(),
        courriel.corps(), courriel.messageId(), Timestamp.from(courriel.dateEnvoi()));
  }

  public List<CourrielEnvoye> duDossier(String reference) {
    return jdbc.query("select reference, destinataire, copie, modele, sujet, corps, message_id, date_envoi "
            + "from dife_courriel where reference = ? order by date_envoi",
        (rs, i) -> new CourrielEnvoye(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), reference);
  }
}
