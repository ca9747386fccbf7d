package fr.elus.dife.indicateurs;

import fr.elus.dife.indicateurs.Perimetre.Periode;
import fr.elus.dife.parcours.StatutDossier;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One row per dossier: its stages' dates, its deadlines, its amounts; never the
 * élu (no name, NIR, contact or birth date), so that anyone who may read the
 * figures may read the export. Read by batches of dossiers in reference order.
 */
@Service
public class ExportDossiers {

  static final int LOT = 1000;
  private static final List<StatutDossier> ETAPES = Arrays.stream(StatutDossier.values())
      .filter(s -> !Etapes.estClos(s.name())).toList();
  private static final String[] MONTANTS = {"cout_formation", "prise_en_charge_dife", "contribution_collectivite",
      "reste_a_charge_elu", "frais_repas", "frais_nuitees", "frais_thr"};
  private static final List<String> ENTETES_MONTANTS = List.of("Coût de la formation", "Prise en charge DIFE",
      "Contribution de la collectivité", "Reste à charge de l'élu", "Frais de repas", "Frais de nuitées",
      "Frais THR (total)");

  private final NamedParameterJdbcTemplate jdbc;

  public ExportDossiers(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static List<String> entetes() {
    List<String> entetes = new ArrayList<>(List.of("Référence", "Association", "Statut", "Ouvert le", "Clos le"));
    for (StatutDossier etape : ETAPES) {
      entetes.add(Etapes.libelle(etape.name()) + " : début");
      entetes.add(Etapes.libelle(etape.name()) + " : fin");
    }
    Arrays.stream(Delai.values()).forEach(d -> entetes.add(d.libelle()));
    entetes.addAll(ENTETES_MONTANTS);
    return entetes;
  }

  private record Ligne(String reference, String instance, String association, String statut, Instant ouverture,
      Instant cloture, List<BigDecimal> montants) {
  }

  private record Passage(Instant debut, Instant fin) {
  }

  /** statut: checked by Perimetre, or null. */
  public void exporter(List<String> associations, String statut, Periode periode, FormatExport sortie)
      throws IOException {
    MapSqlParameterSource p = new MapSqlParameterSource("associations", associations.isEmpty() ? List.of("-") : associations)
        .addValue("debut", Timestamp.from(periode.debut())).addValue("fin", Timestamp.from(periode.fin()))
        .addValue("lot", LOT);
    String filtreStatut = "";
    if (statut != null) {
      p.addValue("statut", statut);
      filtreStatut = " and e.statut = :statut";
    }
    sortie.ligne(entetes());
    String apres = "";
    List<Ligne> lot;
    do {
      p.addValue("apres", apres);
      lot = jdbc.query("select d.reference, d.process_instance_id, d.association, e.statut, d.date_ouverture, "
          + "d.date_cloture, " + String.join(", ", Arrays.stream(MONTANTS).map(m -> "m." + m).toList())
          + " from dife_dossier d join dife_etape_dossier e on e.process_instance_id = d.process_instance_id "
          + "and e.fin is null left join dife_montants_dossier m on m.process_instance_id = d.process_instance_id "
          + "where d.association in (:associations) and d.date_ouverture >= :debut and d.date_ouverture < :fin "
          + "and d.reference > :apres" + filtreStatut + " order by d.reference fetch first :lot rows only", p,
          (rs, i) -> {
            List<BigDecimal> montants = new ArrayList<>();
            for (int m = 0; m < MONTANTS.length; m++) {
              montants.add(rs.getBigDecimal(7 + m));
            }
            return new Ligne(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)), montants);
          });
      ecrire(lot, sortie);
      sortie.vider();
      if (!lot.isEmpty()) {
        apres = lot.get(lot.size() - 1).reference();
      }
    } while (lot.size() == LOT);
  }

  private void ecrire(List<Ligne> lot, FormatExport sortie) throws IOException {
    if (lot.isEmpty()) {
      return;
    }
    MapSqlParameterSource ids = new MapSqlParameterSource("ids", lot.stream().map(Ligne::instance).toList());
    // a status met twice (another session) spans from its first start to its last end
    Map<String, Map<String, Passage>> etapes = new HashMap<>();
    jdbc.query("select process_instance_id, statut, debut, fin from dife_etape_dossier where process_instance_id in "
        + "(:ids) order by debut", ids, rs -> {
          etapes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getString(2),
              new Passage(rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4))),
              (premier, dernier) -> new Passage(premier.debut(), dernier.fin()));
        });
    // the last wait of each deadline tells whether it was kept
    Map<String, Map<String, String>> delais = new HashMap<>();
    jdbc.query("select process_instance_id, delai, depasse_le, fin, annule from dife_delai_dossier "
        + "where process_instance_id in (:ids) order by debut", ids, rs -> {
          String issue = rs.getTimestamp(3) != null ? "manqué" : rs.getTimestamp(4) == null ? "en cours"
              : rs.getBoolean(5) ? "annulé" : "tenu";
          delais.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), issue);
        });
    for (Ligne ligne : lot) {
      List<Object> valeurs = new ArrayList<>(List.of(ligne.reference(), ligne.association(),
          Etapes.libelle(ligne.statut()), ligne.ouverture()));
      valeurs.add(ligne.cloture());
      Map<String, Passage> passages = etapes.getOrDefault(ligne.instance(), Map.of());
      for (StatutDossier etape : ETAPES) {
        Passage passage = passages.get(etape.name());
        valeurs.add(passage == null ? null : passage.debut());
        valeurs.add(passage == null ? null : passage.fin());
      }
      Map<String, String> issues = delais.getOrDefault(ligne.instance(), Map.of());
      Arrays.stream(Delai.values()).forEach(d -> valeurs.add(issues.get(d.name())));
      valeurs.addAll(ligne.montants());
      sortie.ligne(valeurs);
    }
  }

  private static Instant instant(Timestamp moment) {
    return moment == null ? null : moment.toInstant();
  }
}
