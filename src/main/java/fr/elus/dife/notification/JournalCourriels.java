package fr.elus.dife.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dife_courriel table: each email of the journey, to whom, the text itself, and
 * whether it has left. Every access runs on the caller's transaction and connection
 * (a second connection per job thread is what deadlocked the pool).
 */
@Repository
public class JournalCourriels {

  /** copie: the Cc recipient, or null; dateEnvoi: when it left (or was written, while it waits). */
  public record CourrielEnvoye(String reference, String destinataire, String copie, String modele, String sujet,
      String corps, String messageId, Instant dateEnvoi) {
  }

  /** An email written by its step and not yet sent; expediteurNom and repondreA may be null. */
  public record CourrielAEnvoyer(String cle, String expediteur, String expediteurNom, String repondreA,
      CourrielEnvoye courriel) {
  }

  private final JdbcTemplate jdbc;

  public JournalCourriels(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Written with the step that asks for it: both commit or vanish together. */
  public void mettreEnAttente(CourrielAEnvoyer aEnvoyer) {
    CourrielEnvoye courriel = aEnvoyer.courriel();
    jdbc.update("insert into dife_courriel (cle, reference, expediteur, expediteur_nom, repondre_a, destinataire, "
            + "copie, modele, sujet, corps, message_id, date_envoi, envoye) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
        aEnvoyer.cle(), courriel.reference(), aEnvoyer.expediteur(), aEnvoyer.expediteurNom(), aEnvoyer.repondreA(),
        courriel.destinataire(), courriel.copie(),
        courriel.modele(), courriel.sujet(), courriel.corps(), courriel.messageId(),
        Timestamp.from(courriel.dateEnvoi()));
  }

  /** The email under this key if it has not left yet: a retry after a committed send finds nothing. */
  public Optional<CourrielAEnvoyer> aEnvoyer(String cle) {
    return jdbc.query("select cle, expediteur, expediteur_nom, repondre_a, reference, destinataire, copie, modele, "
            + "sujet, corps, message_id, date_envoi from dife_courriel where cle = ? and envoye = false",
        (rs, i) -> new CourrielAEnvoyer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            new CourrielEnvoye(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant())), cle).stream().findFirst();
  }

  public void marquerEnvoye(String cle, Instant date) {
    jdbc.update("update dife_courriel set envoye = true, date_envoi = ? where cle = ?", Timestamp.from(date), cle);
  }

  /** The emails that have left, in order. */
  public List<CourrielEnvoye> duDossier(String reference) {
    return jdbc.query("select reference, destinataire, copie, modele, sujet, corps, message_id, date_envoi "
            + "from dife_courriel where reference = ? and envoye = true order by date_envoi",
        (rs, i) -> new CourrielEnvoye(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), reference);
  }
}
