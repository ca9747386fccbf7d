package fr.elus.dife.indicateurs;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.dossier.OuvertureDossier;
import fr.elus.dife.parcours.StatutDossier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the read model of V15_1 (dife_etape_dossier, dife_delai_dossier, dife_montants_dossier),
 * and hands each change of a stage or a deadline to the aggregates of V15_2.
 */
@Repository
public class SuiviRepository {

  private static final Logger LOG = LoggerFactory.getLogger(SuiviRepository.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final AgregatsSuivi agregats;

  public SuiviRepository(JdbcTemplate jdbc, AgregatsSuivi agregats) {
    this.jdbc = jdbc;
    this.agregats = agregats;
  }

  private record EtapeOuverte(long id, String association, String statut, Instant debut) {
  }

  private record Attente(String association, String delai, Instant debut, long[] etat) {
  }

  /** Ends the current status and starts the new one; the same status written again (copies back) changes nothing. */
  void passerStatut(String instance, String association, String statut, Instant moment) {
    List<EtapeOuverte> ouvertes = jdbc.query("select id, association, statut, debut from dife_etape_dossier "
            + "where process_instance_id = ? and fin is null", (rs, i) -> new EtapeOuverte(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), instance);
    if (ouvertes.stream().anyMatch(e -> e.statut().equals(statut))) {
      return;
    }
    if (ouvertes.isEmpty() && !OuvertureDossier.ouvertureEnCours() && !estUnDossier(instance)) {
      // an instance started around the dossier service (by an administrator) is no dossier:
      // counted here, it would be one in the indicators and in the list's total, not in the list
      LOG.info("Instance {} sans dossier : son statut {} n'est pas compté", instance, statut);
      return;
    }
    for (EtapeOuverte etape : ouvertes) {
      long duree = Duration.between(etape.debut(), moment).toSeconds();
      jdbc.update("update dife_etape_dossier set fin = ?, duree_secondes = ? where id = ?", Timestamp.from(moment),
          duree, etape.id());
      agregats.duree(etape.association(), etape.statut(), moment, duree);
    }
    jdbc.update("insert into dife_etape_dossier (process_instance_id, association, statut, debut) values (?, ?, ?, ?)",
        instance, association(association), statut, Timestamp.from(moment));
    agregats.entree(association(association), statut, moment);
    if (StatutDossier.CLOS_ABANDON.name().equals(statut)) {
      // the abandon cancels the waits in the same command, before or after this status: neither kept nor missed
      jdbc.queryForList("select id from dife_delai_dossier where process_instance_id = ? and depasse_le is null "
          + "and (fin is null or fin = ?)", String.class, instance, Timestamp.from(moment)).forEach(id -> changerDelai(
              id, () -> jdbc.update("update dife_delai_dossier set annule = true where id = ?", id)));
    }
  }

  private boolean estUnDossier(String instance) {
    Integer nombre = jdbc.queryForObject("select count(*) from dife_dossier where process_instance_id = ?",
        Integer.class, instance);
    return nombre != null && nombre > 0;
  }

  private Attente attente(String id) {
    return jdbc.query("select association, delai, debut, depasse_le, fin, annule from dife_delai_dossier where id = ?",
        (rs, i) -> new Attente(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            AgregatsSuivi.etat(rs.getTimestamp(4), rs.getTimestamp(5), rs.getBoolean(6))), id).stream().findFirst()
        .orElse(null);
  }

  /** The aggregates follow the wait's outcome before and after the change, whatever the change. */
  private void changerDelai(String id, Runnable changement) {
    Attente avant = attente(id);
    changement.run();
    Attente apres = attente(id);
    Attente ligne = apres != null ? apres : avant;
    if (ligne != null) {
      agregats.delai(ligne.association(), ligne.delai(), ligne.debut(), avant == null ? null : avant.etat(),
          apres == null ? null : apres.etat());
    }
  }

  /** The engine may report a scope's start twice in one command (its scope execution, then its activity). */
  void ouvrirDelai(String id, String instance, String association, Delai delai, Instant debut) {
    if (jdbc.queryForObject("select count(*) from dife_delai_dossier where id = ?", Integer.class, id) > 0) {
      return;
    }
    changerDelai(id, () -> jdbc.update("insert into dife_delai_dossier (id, process_instance_id, association, delai, "
        + "debut) values (?, ?, ?, ?, ?)", id, instance, association(association), delai.name(), Timestamp.from(debut)));
  }

  /** The latest wait of this deadline in the dossier: only one of a kind runs at a time. */
  void depasserDelai(String instance, Delai delai, Instant moment) {
    jdbc.query("select id from dife_delai_dossier where process_instance_id = ? and delai = ? order by debut desc "
            + "limit 1", (rs, i) -> rs.getString(1), instance, delai.name()).forEach(id -> changerDelai(id, () ->
        jdbc.update("update dife_delai_dossier set depasse_le = ? where id = ? and depasse_le is null",
            Timestamp.from(moment), id)));
  }

  /** However the wait ended: an interrupting answer (AR24 validated, the CDC's reply…) keeps the deadline. */
  void fermerDelai(String id, Instant fin) {
    changerDelai(id, () -> jdbc.update("update dife_delai_dossier set fin = ? where id = ? and fin is null",
        Timestamp.from(fin), id));
  }

  void enregistrerMontants(String instance, String variable, byte[] json) {
    JsonNode valeur;
    try {
      valeur = JSON.readTree(json);
    } catch (IOException e) {
      LOG.warn("Montants illisibles dans {} de l'instance {}", variable, instance);
      return;
    }
    if (jdbc.queryForObject("select count(*) from dife_montants_dossier where process_instance_id = ?", Integer.class,
        instance) == 0) {
      jdbc.update("insert into dife_montants_dossier (process_instance_id) values (?)", instance);
    }
    if ("repartition".equals(variable)) {
      jdbc.update("update dife_montants_dossier set cout_formation = ?, prise_en_charge_dife = ?, "
              + "contribution_collectivite = ?, reste_a_charge_elu = ? where process_instance_id = ?",
          montant(valeur, "coutFormation"), montant(valeur, "priseEnChargeDife"),
          montant(valeur, "contributionCollectivite"), montant(valeur, "resteAChargeElu"), instance);
    } else {
      jdbc.update("update dife_montants_dossier set frais_repas = ?, frais_nuitees = ?, frais_thr = ? "
              + "where process_instance_id = ?",
          montant(valeur, "montantRepas"), montant(valeur, "montantNuitees"), montant(valeur, "total"), instance);
    }
  }

  private static BigDecimal montant(JsonNode valeur, String champ) {
    JsonNode texte = valeur.get(champ);
    return texte == null || texte.isNull() || texte.asText().isBlank() ? null : new BigDecimal(texte.asText());
  }

  // every dossier has its association as tenant; an event without one would otherwise fail the engine's command
  private static String association(String tenant) {
    return tenant == null ? "" : tenant;
  }
}
