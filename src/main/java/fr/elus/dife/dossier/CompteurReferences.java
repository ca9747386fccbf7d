package fr.elus.dife.dossier;

import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Dossier references DIFE-YYYY-NNNNNN. The year's counter row is locked by the
 * increment until the opening transaction ends, so concurrent openings (on one
 * node or several sharing the database) queue on it and never share a number.
 */
@Component
public class CompteurReferences {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate pointDeSauvegarde;

  public CompteurReferences(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.pointDeSauvegarde = new TransactionTemplate(transactions);
    this.pointDeSauvegarde.setPropagationBehavior(Propagation.NESTED.value());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String prochaine(Year annee) {
    creerCompteurSiAbsent(annee);
    jdbc.update("update dife_compteur_reference set dernier_numero = dernier_numero + 1 where annee = ?",
        annee.getValue());
    Integer numero = jdbc.queryForObject("select dernier_numero from dife_compteur_reference where annee = ?",
        Integer.class, annee.getValue());
    if (numero == null || numero > 999_999) {
      throw new IllegalStateException("Plus de références disponibles pour l'année " + annee);
    }
    return String.format("DIFE-%d-%06d", annee.getValue(), numero);
  }

  // behind a savepoint of the opening transaction, on its own connection: a lost insert
  // race rolls back to the savepoint only (PostgreSQL would otherwise abort the whole
  // transaction), and no second connection is asked for while this one is held
  private void creerCompteurSiAbsent(Year annee) {
    pointDeSauvegarde.executeWithoutResult(statut -> {
      Integer existe = jdbc.queryForObject("select count(*) from dife_compteur_reference where annee = ?",
          Integer.class, annee.getValue());
      if (existe != null && existe == 0) {
        try {
          jdbc.update("insert into dife_compteur_reference (annee, dernier_numero) values (?, 0)", annee.getValue());
        } catch (DuplicateKeyException autreNoeudPlusRapide) {
          statut.setRollbackOnly();
        }
      }
    });
  }
}
