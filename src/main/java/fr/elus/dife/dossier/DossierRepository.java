package fr.elus.dife.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The dife_dossier and dife_evenement tables (see db/migration). */
@Repository
public class DossierRepository {

  private static final String COLONNES_EVENEMENT =
      "select id_evenement, reference, type, date_evenement, date_reception, utilisateur from dife_evenement ";
  private static final RowMapper<EvenementEnregistre> EVENEMENT = (rs, i) -> new EvenementEnregistre(
      rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
      rs.getString(6));

  private final JdbcTemplate jdbc;

  public DossierRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record DossierEnregistre(String reference, String association, String processInstanceId,
      Instant dateOuverture, Instant dateCloture) {
  }

  public record EvenementEnregistre(String idEvenement, String reference, String type, String dateEvenement,
      Instant dateReception, String utilisateur) {
  }

  /** Throws DuplicateKeyException when an open dossier already has this key in the association. */
  public void inserer(String reference, String association, String processInstanceId, String cleDoublon,
      String cleEtatCivil, Instant dateOuverture) {
    jdbc.update("insert into dife_dossier (reference, association, process_instance_id, cle_doublon, "
            + "cle_etat_civil, cle_doublon_ouverte, date_ouverture) values (?, ?, ?, ?, ?, ?, ?)",
        reference, association, processInstanceId, cleDoublon, cleEtatCivil, cleDoublon,
        Timestamp.from(dateOuverture));
  }

  public boolean existeOuvertPourEtatCivil(String association, String cleEtatCivil) {
    Integer nombre = jdbc.queryForObject("select count(*) from dife_dossier where association = ? "
        + "and cle_etat_civil = ? and date_cloture is null", Integer.class, association, cleEtatCivil);
    return nombre != null && nombre > 0;
  }

  public Optional<DossierEnregistre> trouver(String reference) {
    return jdbc.query("select reference, association, process_instance_id, date_ouverture, date_cloture "
            + "from dife_dossier where reference = ?",
        (rs, i) -> new DossierEnregistre(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
        reference).stream().findFirst();
  }

  /** Frees the élu for a new dossier. */
  public void cloturer(String reference, Instant date) {
    jdbc.update("update dife_dossier set date_cloture = ?, cle_doublon_ouverte = null where reference = ? "
        + "and date_cloture is null", Timestamp.from(date), reference);
  }

  public Optional<EvenementEnregistre> trouverEvenement(String idEvenement) {
    return jdbc.query(COLONNES_EVENEMENT + "where id_evenement = ?",
        EVENEMENT,
        idEvenement).stream().findFirst();
  }

  /** Throws DuplicateKeyException when the id is taken, also by a concurrent request. */
  public void insererEvenement(EvenementEnregistre evenement) {
    jdbc.update("insert into dife_evenement (id_evenement, reference, type, date_evenement, date_reception, "
            + "utilisateur) values (?, ?, ?, ?, ?, ?)",
        evenement.idEvenement(), evenement.reference(), evenement.type(), evenement.dateEvenement(),
        Timestamp.from(evenement.dateReception()), evenement.utilisateur());
  }

  public List<EvenementEnregistre> evenements(String reference) {
    return jdbc.query(COLONNES_EVENEMENT + "where reference = ? order by date_reception",
        EVENEMENT,
        reference);
  }
}
