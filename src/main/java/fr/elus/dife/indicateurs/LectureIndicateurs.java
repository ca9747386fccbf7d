package fr.elus.dife.indicateurs;

import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.indicateurs.DossiersSuivis.DossierSuivi;
import fr.elus.dife.indicateurs.Indicateurs.DelaiSuivi;
import fr.elus.dife.indicateurs.Indicateurs.DossierEnRetard;
import fr.elus.dife.indicateurs.Indicateurs.DureeEtape;
import fr.elus.dife.indicateurs.Indicateurs.ParMois;
import fr.elus.dife.indicateurs.Indicateurs.ParStatut;
import fr.elus.dife.indicateurs.Perimetre.Periode;
import fr.elus.dife.parcours.StatutDossier;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The indicators, each one query over the read model: the figures of a period from
 * the aggregates of AgregatsSuivi (a few thousand rows a year), the current ones
 * from the detail rows' indexes; never one query per dossier (see IndicateursBanc
 * for the figures at 100,000 dossiers).
 */
@Service
public class LectureIndicateurs {

  static final int MAX_EN_RETARD = 100;
  private static final double SECONDES_PAR_JOUR = 86_400d;

  // an empty IN () is no SQL: a caller without association matches nothing
  private static final List<String> AUCUNE = List.of("-");

  private final NamedParameterJdbcTemplate jdbc;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Clock horloge;

  public LectureIndicateurs(NamedParameterJdbcTemplate jdbc, TaskService taskService, RuntimeService runtimeService,
      Clock horloge) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.horloge = horloge;
  }

  public Indicateurs calculer(List<String> associations, Periode periode) {
    MapSqlParameterSource p = parametres(associations, periode);
    Instant maintenant = horloge.instant();
    return new Indicateurs(associations, periode.depuis(), periode.jusqua(), maintenant, parStatut(p),
        parMois(p, periode), durees(p, periode), delais(p), nombreEnRetard(p), enRetard(p, maintenant));
  }

  List<ParStatut> parStatut(MapSqlParameterSource p) {
    Map<String, Long> nombres = new LinkedHashMap<>();
    parAssociation("select statut, nombre from dife_agregat_statut where association = :association", p, rs -> {
          nombres.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    // in the journey's order, every status shown, so that charts keep their axes
    return Arrays.stream(StatutDossier.values())
        .map(s -> new ParStatut(s.name(), Etapes.libelle(s.name()), nombres.getOrDefault(s.name(), 0L))).toList();
  }

  List<ParMois> parMois(MapSqlParameterSource p, Periode periode) {
    Map<YearMonth, long[]> mois = new TreeMap<>();
    for (YearMonth m = YearMonth.from(periode.depuis()); !m.isAfter(YearMonth.from(periode.jusqua())); m = m.plusMonths(1)) {
      mois.put(m, new long[4]);
    }
    // days and months are those of Paris in the aggregate already
    parAssociation("select jour, statut, nombre from dife_agregat_entree "
        + "where association = :association and jour >= :depuis and jour <= :jusqua "
        + "and statut in ('OUVERT', 'CLOS_FORMATION_SUIVIE', 'CLOS_DIFE_NON_MOBILISE', 'CLOS_ABANDON')", p, rs -> {
          long[] compte = mois.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), m -> new long[4]);
          compte[switch (rs.getString(2)) {
            case "OUVERT" -> 0;
            case "CLOS_FORMATION_SUIVIE" -> 1;
            case "CLOS_DIFE_NON_MOBILISE" -> 2;
            default -> 3;
          }] += rs.getLong(3);
        });
    return mois.entrySet().stream().map(e -> new ParMois(e.getKey().toString(), e.getValue()[0], e.getValue()[1],
        e.getValue()[2], e.getValue()[3])).toList();
  }

  /**
   * The whole months of the period from the monthly histogram, the days before and after them from
   * the daily one; each percentile is then read from the merged histogram.
   */
  List<DureeEtape> durees(MapSqlParameterSource p, Periode periode) {
    Map<String, Histogramme> parStatut = new HashMap<>();
    RowCallbackHandler cumul = rs -> parStatut.computeIfAbsent(rs.getString(1), s -> new Histogramme())
        .ajouter(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    YearMonth premier = YearMonth.from(periode.depuis().minusDays(1)).plusMonths(1);
    YearMonth dernier = YearMonth.from(periode.jusqua().plusDays(1)).minusMonths(1);
    if (premier.isAfter(dernier)) {
      jours(p, periode.depuis(), periode.jusqua(), cumul);
    } else {
      MapSqlParameterSource mois = new MapSqlParameterSource(p.getValues())
          .addValue("premier", Date.valueOf(premier.atDay(1))).addValue("dernier", Date.valueOf(dernier.atDay(1)));
      parAssociation("select statut, tranche, sum(nombre), min(minimum), max(maximum) from dife_agregat_duree "
          + "where association = :association and mois >= :premier and mois <= :dernier group by statut, tranche",
          mois, cumul);
      jours(p, periode.depuis(), premier.atDay(1).minusDays(1), cumul);
      jours(p, dernier.atEndOfMonth().plusDays(1), periode.jusqua(), cumul);
    }
    return Arrays.stream(StatutDossier.values()).filter(s -> parStatut.containsKey(s.name())).map(s -> {
      Histogramme h = parStatut.get(s.name());
      long mediane = Math.round(h.centile(0.5));
      long p90 = Math.round(h.centile(0.9));
      return new DureeEtape(s.name(), Etapes.libelle(s.name()), h.nombre, mediane, p90, jours(mediane), jours(p90));
    }).toList();
  }

  private void jours(MapSqlParameterSource p, LocalDate premier, LocalDate dernier, RowCallbackHandler cumul) {
    if (premier.isAfter(dernier)) {
      return;
    }
    parAssociation("select statut, tranche, sum(nombre), min(minimum), max(maximum) from dife_agregat_duree_jour "
        + "where association = :association and jour >= :premier and jour <= :dernier group by statut, tranche",
        new MapSqlParameterSource(p.getValues()).addValue("premier", Date.valueOf(premier))
            .addValue("dernier", Date.valueOf(dernier)), cumul);
  }

  // one association at a time: H2 reads a range of the aggregates' primary keys only after an equality
  private void parAssociation(String sql, MapSqlParameterSource p, RowCallbackHandler lecture) {
    for (Object association : (List<?>) p.getValue("associations")) {
      jdbc.query(sql, new MapSqlParameterSource(p.getValues()).addValue("association", association), lecture);
    }
  }

  /** Buckets of durations: count, least and greatest; a percentile is exact when its bucket holds one duration. */
  private static final class Histogramme {
    private final TreeMap<Long, long[]> tranches = new TreeMap<>();
    private long nombre;

    void ajouter(long tranche, long compte, long minimum, long maximum) {
      tranches.merge(tranche, new long[] {compte, minimum, maximum},
          (a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1]), Math.max(a[2], b[2])});
      nombre += compte;
    }

    /** As percentile_cont: between the two durations around rank f × (n - 1). */
    double centile(double f) {
      double rang = f * (nombre - 1);
      long bas = (long) Math.floor(rang);
      double v = valeur(bas);
      return v + (rang - bas) * (valeur((long) Math.ceil(rang)) - v);
    }

    // the durations of a bucket taken as spread evenly between its least and greatest
    private double valeur(long rang) {
      long avant = 0;
      for (long[] t : tranches.values()) {
        if (rang < avant + t[0]) {
          return t[0] == 1 ? t[1] : t[1] + (t[2] - t[1]) * (double) (rang - avant) / (t[0] - 1);
        }
        avant += t[0];
      }
      return tranches.lastEntry().getValue()[2];
    }
  }

  List<DelaiSuivi> delais(MapSqlParameterSource p) {
    Map<String, long[]> comptes = new LinkedHashMap<>();
    parAssociation("select delai, sum(tenus), sum(manques), sum(en_cours), sum(en_retard) from dife_agregat_delai "
        + "where association = :association and jour >= :depuis and jour <= :jusqua group by delai", p, rs -> {
          long[] c = comptes.computeIfAbsent(rs.getString(1), d -> new long[4]);
          for (int i = 0; i < 4; i++) {
            c[i] += rs.getLong(i + 2);
          }
        });
    return Arrays.stream(Delai.values()).map(d -> {
      long[] c = comptes.getOrDefault(d.name(), new long[4]);
      Double part = c[0] + c[1] == 0 ? null : Math.round(1000d * c[0] / (c[0] + c[1])) / 10d;
      return new DelaiSuivi(d.name(), d.libelle(), c[0], c[1], c[2], c[3], part);
    }).toList();
  }

  // "exceeded" as a range, not "is not null": H2 then reads only the late waits from ix_delai_en_retard,
  // in the order of their overrun. Every wait is a dossier's (dife-parcours and its called processes).
  private static final String EN_RETARD = " from dife_delai_dossier where fin is null "
      + "and depasse_le >= timestamp '2000-01-01 00:00:00' and association in (:associations)";

  long nombreEnRetard(MapSqlParameterSource p) {
    Long nombre = jdbc.queryForObject("select count(distinct process_instance_id)" + EN_RETARD, p, Long.class);
    return nombre == null ? 0 : nombre;
  }

  // the oldest overruns first, then only their dossiers looked up
  List<DossierEnRetard> enRetard(MapSqlParameterSource p, Instant maintenant) {
    return jdbc.query("select d.reference, d.process_instance_id, l.association, e.statut, l.delai, l.debut, "
        + "l.depasse_le from (select process_instance_id, association, delai, debut, depasse_le" + EN_RETARD
        + " order by depasse_le fetch first " + MAX_EN_RETARD + " rows only) l "
        + "join dife_dossier d on d.process_instance_id = l.process_instance_id "
        + "left join dife_etape_dossier e on e.process_instance_id = l.process_instance_id and e.fin is null "
        + "order by l.depasse_le, d.reference", p, (rs, i) -> {
          Delai delai = Delai.valueOf(rs.getString(5));
          Instant depasse = rs.getTimestamp(7).toInstant();
          return new DossierEnRetard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              Etapes.libelle(rs.getString(4)), delai.name(), delai.libelle(), rs.getTimestamp(6).toInstant(), depasse,
              Math.max(0, Duration.between(depasse, maintenant).toDays()));
        });
  }

  /** statut: checked by Perimetre, or null. */
  public DossiersSuivis dossiers(List<String> associations, String statut, String etat, int page, int taille) {
    if (page < 0) {
      throw new RequeteInvalideException("page", "Le paramètre « page » commence à 0.");
    }
    if (taille < 1 || taille > 200) {
      throw new RequeteInvalideException("taille", "Le paramètre « taille » doit être compris entre 1 et 200.");
    }
    MapSqlParameterSource p = new MapSqlParameterSource("associations", associations.isEmpty() ? AUCUNE : associations)
        .addValue("taille", taille).addValue("decalage", (long) page * taille);
    StringBuilder filtre = new StringBuilder(" from dife_dossier d join dife_etape_dossier e on "
        + "e.process_instance_id = d.process_instance_id and e.fin is null where d.association in (:associations)");
    if (statut != null) {
      p.addValue("statut", statut);
      filtre.append(" and e.statut = :statut");
    }
    if ("EN_COURS".equals(etat)) {
      filtre.append(" and d.date_cloture is null");
    } else if ("CLOS".equals(etat)) {
      filtre.append(" and d.date_cloture is not null");
    } else if (etat != null && !etat.isBlank()) {
      throw new RequeteInvalideException("etat", "Le paramètre « etat » vaut EN_COURS ou CLOS.");
    }
    Long total = jdbc.queryForObject("select count(*)" + filtre, p, Long.class);
    Instant maintenant = horloge.instant();
    List<DossierSuivi> dossiers = jdbc.query("select d.reference, d.process_instance_id, d.association, e.statut, "
        + "e.debut, d.date_ouverture, d.date_cloture" + filtre
        + " order by d.date_ouverture desc, d.reference desc offset :decalage rows fetch next :taille rows only", p,
        (rs, i) -> {
          Instant depuis = rs.getTimestamp(5).toInstant();
          Timestamp cloture = rs.getTimestamp(7);
          String s = rs.getString(4);
          return new DossierSuivi(rs.getString(1), rs.getString(2), rs.getString(3), s, Etapes.libelle(s),
              null, depuis, cloture != null ? 0 : Duration.between(depuis, maintenant).toDays(),
              rs.getTimestamp(6).toInstant(), cloture == null ? null : cloture.toInstant());
        });
    return new DossiersSuivis(page, taille, total == null ? 0 : total, avecTaches(dossiers));
  }

  // one task query for the whole page: the current step is what a conseiller has to do now, else the status
  private List<DossierSuivi> avecTaches(List<DossierSuivi> dossiers) {
    if (dossiers.isEmpty()) {
      return dossiers;
    }
    List<Task> enCours = taskService.createTaskQuery()
        .processInstanceBusinessKeyIn(dossiers.stream().map(DossierSuivi::reference).toArray(String[]::new)).list();
    Map<String, String> references = new HashMap<>();
    if (!enCours.isEmpty()) {
      // tasks of called processes belong to their own instance, whose business key is the reference
      runtimeService.createProcessInstanceQuery()
          .processInstanceIds(enCours.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
          .forEach(i -> references.put(i.getId(), i.getBusinessKey()));
    }
    Map<String, String> taches = new HashMap<>();
    enCours.forEach(t -> taches.merge(references.getOrDefault(t.getProcessInstanceId(), ""), t.getName(),
        (a, b) -> a + " ; " + b));
    return dossiers.stream().map(d -> new DossierSuivi(d.reference(), d.processInstanceId(), d.association(),
        d.statut(), d.libelleStatut(), taches.getOrDefault(d.reference(), d.libelleStatut()), d.depuis(),
        d.joursDansEtape(), d.dateOuverture(), d.dateCloture())).toList();
  }

  static MapSqlParameterSource parametres(List<String> associations, Periode periode) {
    return new MapSqlParameterSource("associations", associations.isEmpty() ? AUCUNE : associations)
        .addValue("debut", Timestamp.from(periode.debut())).addValue("fin", Timestamp.from(periode.fin()))
        .addValue("depuis", Date.valueOf(periode.depuis())).addValue("jusqua", Date.valueOf(periode.jusqua()));
  }

  private static double jours(long secondes) {
    return Math.round(secondes / SECONDES_PAR_JOUR * 10) / 10d;
  }
}
