package fr.elus.dife.dossier;

import fr.elus.dife.parcours.StatutDossier;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
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
  private static final String DEPUIS_SANS_LECTURE = "from dife_dossier d ";

  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl configuration;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final Clock horloge;

  public LectureDossiers(JdbcTemplate jdbc, ProcessEngineConfigurationImpl configuration, HistoryService historyService,
      RuntimeService runtimeService, ManagementService managementService, TaskService taskService, Clock horloge) {
    this.jdbc = jdbc;
    this.configuration = configuration;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.horloge = horloge;
  }

  public record Ligne(String reference, String association, String statut, String nomNaissance, String nomUsage,
      String prenoms, String collectivite, Date dateOuverture, Date dateCloture, Date prochaineEcheance,
      List<String> evenementsAttendus, int tachesOuvertes) {
  }

  public record Criteres(List<String> associations, String statut, String recherche, boolean enRetard,
      boolean attenteEvenement) {
  }

  /**
   * Refreshes the row of the dossier whose dife-parcours instance is this one; whoever
   * touched it (a conseiller of one association, the job executor), the engine is read
   * without authorization checks: the row is not shown to anyone here.
   */
  public void actualiser(String instanceDuParcours) {
    configuration.getCommandExecutorTxRequired().execute((Command<Void>) contexte -> {
      contexte.disableAuthorizationCheck();
      contexte.disableTenantCheck();
      actualiserSansControle(instanceDuParcours);
      return null;
    });
  }

  private void actualiserSansControle(String instanceDuParcours) {
    List<String> references = jdbc.queryForList("select reference from dife_dossier where process_instance_id = ?",
        String.class, instanceDuParcours);
    if (references.isEmpty()) {
      return;
    }
    String reference = references.get(0);
    Map<String, Object> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instanceDuParcours).variableNameIn(VARIABLES.toArray(String[]::new)).list().stream()
        .filter(v -> instanceDuParcours.equals(v.getActivityInstanceId()) && v.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
    List<String> enCours = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .unfinished().list().stream().map(HistoricProcessInstance::getId).toList();
    List<Task> taches = enCours.isEmpty() ? List.of()
        : taskService.createTaskQuery().processInstanceIdIn(enCours.toArray(String[]::new)).list();
    Date prochaine = Stream.concat(
            enCours.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().list()
                .stream().map(Job::getDuedate)),
            taches.stream().map(Task::getDueDate))
        .filter(Objects::nonNull).min(Date::compareTo).orElse(null);
    List<String> attendus = EvenementAttendu.des(runtimeService, enCours).stream().map(EvenementAttendu::type).toList();
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
    List<Object> parametres = new ArrayList<>();
    String ou = ou(criteres, parametres);
    // the list columns only filter: without such a criterion the total is an index count of dife_dossier
    boolean lectureFiltre = criteres.statut() != null || criteres.recherche() != null || criteres.enRetard()
        || criteres.attenteEvenement();
    Long total = jdbc.queryForObject("select count(*) " + (lectureFiltre ? DEPUIS : DEPUIS_SANS_LECTURE) + ou,
        Long.class, parametres.toArray());
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
    return jdbc.query("select d.reference, d.association, l.statut, l.nom_naissance, l.nom_usage, l.prenoms, "
            + "l.collectivite, d.date_ouverture, d.date_cloture, l.prochaine_echeance, l.evenements_attendus, "
            + "l.taches_ouvertes " + DEPUIS + ou + ordre + " limit ? offset ?",
        (rs, i) -> new Ligne(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), date(rs.getTimestamp(8)), date(rs.getTimestamp(9)),
            date(rs.getTimestamp(10)),
            rs.getString(11) == null ? List.of() : List.of(rs.getString(11).split(",")), rs.getInt(12)),
        parametres.toArray());
  }

  private String ou(Criteres criteres, List<Object> parametres) {
    List<String> conditions = new ArrayList<>();
    if (criteres.associations() != null) {
      if (criteres.associations().isEmpty()) {
        return "where 1 = 0";
      }
      conditions.add("d.association in (" + criteres.associations().stream().map(a -> "?")
          .collect(Collectors.joining(", ")) + ")");
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

  private static Date date(Timestamp horodatage) {
    return horodatage == null ? null : new Date(horodatage.getTime());
  }
}
