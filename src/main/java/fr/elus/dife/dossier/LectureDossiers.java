package fr.elus.dife.dossier;

import fr.elus.dife.parcours.StatutDossier;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The list row of each dossier (dife_dossier_lecture, V11_1), refreshed from the engine for one
 * dossier at a time: status, élu, next deadline, awaited events, open tasks. The
 * list, its filters and its search then read that table only.
 */
@Component
public class LectureDossiers {

  private static final List<String> VARIABLES = List.of(StatutDossier.VARIABLE, "nomNaissance", "nomUsage",
      "prenoms", "collectiviteNom");

  private static final String DEPUIS = "from dife_dossier d left join dife_dossier_lecture l on l.reference = d.reference ";

  private final JdbcTemplate jdbc;
  private final Clock horloge;
  private final NombreParStatut nombreParStatut;
  private final TablesDuMoteur tables;

  public LectureDossiers(JdbcTemplate jdbc, Clock horloge, NombreParStatut nombreParStatut, TablesDuMoteur tables) {
    this.jdbc = jdbc;
    this.tables = tables;
    this.horloge = horloge;
    this.nombreParStatut = nombreParStatut;
  }

  public record Ligne(String reference, String association, String statut, String nomNaissance, String nomUsage,
      String prenoms, String collectivite, Date dateOuverture, Date dateCloture, Date prochaineEcheance,
      List<String> evenementsAttendus, int tachesOuvertes) {
  }

  public record Criteres(List<String> associations, String statut, String recherche, boolean enRetard,
      boolean attenteEvenement) {
  }

  /**
   * Refreshes the row of the dossier whose dife-parcours instance is this one, in the
   * transaction that touched it (just before its commit, the engine's changes flushed).
   * The engine's tables are read in plain SQL, without authorization or tenant checks:
   * the row is not shown to anyone here, and this runs in every transaction of every
   * dossier, where the engine's query API (its dynamic SQL built per query) cost 18 % of
   * the job threads' CPU (issue 13, measured by JFR during a drain on PostgreSQL).
   */
  public void actualiser(String instanceDuParcours) {
    List<String> references = jdbc.queryForList("select reference from dife_dossier where process_instance_id = ?",
        String.class, instanceDuParcours);
    if (references.isEmpty()) {
      return;
    }
    String reference = references.get(0);
    // the journey's own values (its root scope), as HistoricVariableInstanceQuery gives them
    Map<String, Object> variables = new HashMap<>();
    jdbc.query("select NAME_, TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and ACT_INST_ID_ = ? and NAME_ in ("
            + TablesDuMoteur.marques(VARIABLES.size()) + ") and TEXT_ is not null and (STATE_ <> 'DELETED' or STATE_ is null)",
        r -> {
          variables.putIfAbsent(r.getString(1), r.getString(2));
        }, Stream.concat(Stream.of(instanceDuParcours, instanceDuParcours), VARIABLES.stream()).toArray());
    List<String> enCours = tables.instances(reference).stream().filter(TablesDuMoteur.Instance::enCours)
        .map(TablesDuMoteur.Instance::id).toList();
    List<Date> echeances = new ArrayList<>();
    List<TablesDuMoteur.TacheOuverte> taches = tables.tachesOuvertes(enCours);
    taches.forEach(tache -> echeances.add(tache.echeance()));
    tables.timers(instanceDuParcours).forEach(timer -> echeances.add(timer.echeance()));
    List<EvenementAttendu.Abonnement> abonnements = tables.abonnements(enCours);
    Date prochaine = echeances.stream().filter(Objects::nonNull).min(Date::compareTo).orElse(null);
    List<String> attendus = EvenementAttendu.des(abonnements).stream().map(EvenementAttendu::type).toList();
    Object[] colonnes = {variables.get(StatutDossier.VARIABLE), variables.get("nomNaissance"),
        variables.get("nomUsage"), variables.get("prenoms"), variables.get("collectiviteNom"),
        prochaine == null ? null : new Timestamp(prochaine.getTime()),
        attendus.isEmpty() ? null : String.join(",", attendus), taches.size(), reference};
    // the first refresh is in the dossier's opening transaction: no one else can insert its row
    if (jdbc.update("update dife_dossier_lecture set statut = ?, nom_naissance = ?, nom_usage = ?, prenoms = ?, "
        + "collectivite = ?, prochaine_echeance = ?, evenements_attendus = ?, taches_ouvertes = ? where reference = ?",
        colonnes) == 0) {
      jdbc.update("insert into dife_dossier_lecture (statut, nom_naissance, nom_usage, prenoms, collectivite, "
          + "prochaine_echeance, evenements_attendus, taches_ouvertes, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          colonnes);
    }
  }

  /** Rows written before V11_1 (or by a node without this code) get their columns once. */
  public void completerLesLignesJamaisLues() {
    jdbc.queryForList("select process_instance_id from dife_dossier d where not exists "
            + "(select 1 from dife_dossier_lecture l where l.reference = d.reference)", String.class)
        .forEach(this::actualiser);
  }

  public long compter(Criteres criteres) {
    if (criteres.recherche() == null && !criteres.enRetard() && !criteres.attenteEvenement()) {
      // counting rows is linear in them (14 ms for 2,900 of a status on PostgreSQL): the
      // number kept as dossiers move is the same, read from a row per association and status
      return criteres.associations() != null && criteres.associations().isEmpty() ? 0
          : nombreParStatut.nombre(criteres.associations(), criteres.statut());
    }
    List<Object> parametres = new ArrayList<>();
    String ou = ou(criteres, parametres);
    Long total = jdbc.queryForObject("select count(*) " + DEPUIS + ou, Long.class, parametres.toArray());
    return total == null ? 0 : total;
  }

  public List<Ligne> page(Criteres criteres, int page, int taille) {
    List<Object> parametres = new ArrayList<>();
    String ou = ou(criteres, parametres);
    // for one association, sorting by it first changes nothing and lets the database read
    // the page in the order of ix_dossier_liste (V13_2) instead of sorting them all
    String ordre = criteres.enRetard() || criteres.attenteEvenement() ? " order by l.prochaine_echeance, d.reference"
        : criteres.associations() != null && criteres.associations().size() == 1
            ? " order by d.association, d.date_ouverture desc, d.reference desc"
            : " order by d.date_ouverture desc, d.reference desc";
    parametres.add(taille);
    parametres.add((long) page * taille);
    String colonnes = "select d.reference, d.association, l.statut, l.nom_naissance, l.nom_usage, l.prenoms, "
        + "l.collectivite, d.date_ouverture, d.date_cloture, l.prochaine_echeance, l.evenements_attendus, "
        + "l.taches_ouvertes ";
    boolean surLaLecture = criteres.statut() != null || criteres.recherche() != null || criteres.enRetard()
        || criteres.attenteEvenement();
    // the rows a page skips are read from ix_dossier_liste alone, joined to nothing: joined
    // before the offset, page 49 of 20 cost a thousand lookups of each joined table
    // (PostgreSQL, 100,000 dossiers); the page's 20 references are then joined
    String sql = surLaLecture ? colonnes + DEPUIS + ou + ordre + " limit ? offset ?"
        : colonnes + "from (select d.reference from dife_dossier d " + ou + ordre + " limit ? offset ?) p "
            + "join dife_dossier d on d.reference = p.reference "
            + "left join dife_dossier_lecture l on l.reference = d.reference" + ordre;
    return jdbc.query(sql,
        (rs, i) -> new Ligne(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), TablesDuMoteur.date(rs.getTimestamp(8)), TablesDuMoteur.date(rs.getTimestamp(9)),
            TablesDuMoteur.date(rs.getTimestamp(10)),
            rs.getString(11) == null ? List.of() : List.of(rs.getString(11).split(",")), rs.getInt(12)),
        parametres.toArray());
  }

  private String ou(Criteres criteres, List<Object> parametres) {
    List<String> conditions = new ArrayList<>();
    if (criteres.associations() != null) {
      if (criteres.associations().isEmpty()) {
        return "where 1 = 0";
      }
      conditions.add("d.association in (" + TablesDuMoteur.marques(criteres.associations().size()) + ")");
      parametres.addAll(criteres.associations());
    }
    if (criteres.statut() != null) {
      conditions.add("l.statut = ?");
      parametres.add(criteres.statut());
    }
    if (criteres.enRetard()) {
      conditions.add("d.date_cloture is null and l.prochaine_echeance < ?");
      parametres.add(Timestamp.from(horloge.instant()));
    }
    if (criteres.attenteEvenement()) {
      // waiting for La Poste, the CDC or the organisme with nothing to do meanwhile: no task would show it
      conditions.add("d.date_cloture is null and l.evenements_attendus is not null and l.taches_ouvertes = 0");
    }
    if (criteres.recherche() != null) {
      String motif = "%" + criteres.recherche().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_")
          + "%";
      conditions.add(Stream.of("d.reference", "l.nom_naissance", "l.nom_usage", "l.prenoms", "l.collectivite")
          .map(colonne -> "lower(" + colonne + ") like ? escape '!'")
          .collect(Collectors.joining(" or ", "(", ")")));
      Stream.generate(() -> motif).limit(5).forEach(parametres::add);
    }
    return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
  }
}
