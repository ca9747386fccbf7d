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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The indicators, each one query over the read model: grouped in the database,
 * never one query per dossier, so their time does not grow with the dossiers'
 * history (see IndicateursBanc for the figures at 100,000 dossiers).
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
        parMois(p, periode), durees(p), delais(p), nombreEnRetard(p), enRetard(p, maintenant));
  }

  List<ParStatut> parStatut(MapSqlParameterSource p) {
    Map<String, Long> nombres = new LinkedHashMap<>();
    jdbc.query("select statut, count(*) from dife_etape_dossier where fin is null and association in (:associations) "
        + "group by statut", p, rs -> {
          nombres.put(rs.getString(1), rs.getLong(2));
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
    // months in Paris time: counted by hour in the database (Paris is a whole number of hours
    // from UTC, so an hour never straddles two Paris months), each hour put in its month here
    jdbc.query("select date_trunc('hour', debut), statut, count(*) from dife_etape_dossier "
        + "where association in (:associations) and debut >= :debut and debut < :fin "
        + "and statut in ('OUVERT', 'CLOS_FORMATION_SUIVIE', 'CLOS_DIFE_NON_MOBILISE', 'CLOS_ABANDON') "
        + "group by date_trunc('hour', debut), statut", p, rs -> {
          YearMonth moisDeParis = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(Perimetre.PARIS));
          long[] compte = mois.computeIfAbsent(moisDeParis, m -> new long[4]);
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

  List<DureeEtape> durees(MapSqlParameterSource p) {
    Map<String, DureeEtape> parStatut = new LinkedHashMap<>();
    jdbc.query("select statut, count(*), percentile_cont(0.5) within group (order by duree_secondes), "
        + "percentile_cont(0.9) within group (order by duree_secondes) from dife_etape_dossier "
        + "where association in (:associations) and fin >= :debut and fin < :fin and duree_secondes is not null "
        + "group by statut", p, rs -> {
          long mediane = Math.round(rs.getDouble(3));
          long p90 = Math.round(rs.getDouble(4));
          parStatut.put(rs.getString(1), new DureeEtape(rs.getString(1), Etapes.libelle(rs.getString(1)), rs.getLong(2),
              mediane, p90, jours(mediane), jours(p90)));
        });
    return Arrays.stream(StatutDossier.values()).map(s -> parStatut.get(s.name())).filter(d -> d != null).toList();
  }

  List<DelaiSuivi> delais(MapSqlParameterSource p) {
    Map<String, long[]> comptes = new LinkedHashMap<>();
    jdbc.query("select delai, "
        + "sum(case when depasse_le is null and fin is not null and not annule then 1 else 0 end), "
        + "sum(case when depasse_le is not null then 1 else 0 end), "
        + "sum(case when depasse_le is null and fin is null then 1 else 0 end), "
        + "sum(case when depasse_le is not null and fin is null then 1 else 0 end) "
        + "from dife_delai_dossier where association in (:associations) and debut >= :debut and debut < :fin "
        + "group by delai", p, rs -> {
          comptes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        });
    return Arrays.stream(Delai.values()).map(d -> {
      long[] c = comptes.getOrDefault(d.name(), new long[4]);
      Double part = c[0] + c[1] == 0 ? null : Math.round(1000d * c[0] / (c[0] + c[1])) / 10d;
      return new DelaiSuivi(d.name(), d.libelle(), c[0], c[1], c[2], c[3], part);
    }).toList();
  }

  private static final String EN_RETARD = " from dife_delai_dossier l "
      + "join dife_dossier d on d.process_instance_id = l.process_instance_id "
      + "where l.fin is null and l.depasse_le is not null and l.association in (:associations)";

  long nombreEnRetard(MapSqlParameterSource p) {
    Long nombre = jdbc.queryForObject("select count(distinct l.process_instance_id)" + EN_RETARD, p, Long.class);
    return nombre == null ? 0 : nombre;
  }

  List<DossierEnRetard> enRetard(MapSqlParameterSource p, Instant maintenant) {
    return jdbc.query("select d.reference, d.process_instance_id, l.association, e.statut, l.delai, l.debut, "
        + "l.depasse_le" + EN_RETARD.replace("where", "left join dife_etape_dossier e on e.process_instance_id = "
        + "l.process_instance_id and e.fin is null where") + " order by l.depasse_le, d.reference "
        + "fetch first " + MAX_EN_RETARD + " rows only", p, (rs, i) -> {
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

  private static MapSqlParameterSource parametres(List<String> associations, Periode periode) {
    return new MapSqlParameterSource("associations", associations.isEmpty() ? AUCUNE : associations)
        .addValue("debut", Timestamp.from(periode.debut())).addValue("fin", Timestamp.from(periode.fin()));
  }

  private static double jours(long secondes) {
    return Math.round(secondes / SECONDES_PAR_JOUR * 10) / 10d;
  }
}
