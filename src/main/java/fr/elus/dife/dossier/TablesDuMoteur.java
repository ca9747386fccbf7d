package fr.elus.dife.dossier;

import java.sql.Timestamp;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's rows of one dossier that its view and its list row show, read in plain SQL
 * by the dossier's own keys (its reference, which is the business key of all its
 * instances, and its root instance), each by an index of the engine or of the project.
 * Without the engine's query API: there, each query builds its SQL from MyBatis' dynamic
 * mappings, half of the view's CPU (JFR, PostgreSQL, 10,000 dossiers, 2 December 2026),
 * and checks authorizations the caller has already passed (DossiersVisibles decides who
 * may see the dossier). Conditions an index of the engine would answer for every dossier
 * at once (END_TIME_ is null, an operation type, a variable's name: H2 takes such an
 * index) are applied here, on the dossier's few rows.
 */
@Component
class TablesDuMoteur {

  record Instance(String id, String association, Date debut, Date fin) {
    boolean enCours() {
      return fin == null;
    }
  }

  record Timer(String processDefinitionId, String activite, Date echeance) {
  }

  record TacheOuverte(String nom, Date echeance) {
  }

  /** supprimee: ended by the engine (a boundary event, an abandon), not completed by anyone. */
  record TacheFinie(String id, String nom, String assignee, Date fin, boolean supprimee) {
  }

  record Valeur(Date date, String texte) {
  }

  private final JdbcTemplate jdbc;

  TablesDuMoteur(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The dossier's process instance and those it called, oldest first. */
  List<Instance> instances(String reference) {
    return jdbc.query("select ID_, TENANT_ID_, START_TIME_, END_TIME_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?",
            (r, i) -> new Instance(r.getString(1), r.getString(2), date(r.getTimestamp(3)), date(r.getTimestamp(4))),
            reference).stream()
        .sorted(Comparator.comparing(Instance::debut)).toList();
  }

  /** The timers waiting in the dossier's instances, with the activity each belongs to. */
  List<Timer> timers(String racine) {
    return jdbc.query("select j.PROCESS_DEF_ID_, d.ACT_ID_, j.DUEDATE_ from ACT_RU_JOB j "
            + "left join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where j.ROOT_PROC_INST_ID_ = ? and j.TYPE_ = 'timer'",
        (r, i) -> new Timer(r.getString(1), r.getString(2), date(r.getTimestamp(3))), racine);
  }

  List<TacheOuverte> tachesOuvertes(List<String> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select NAME_, DUE_DATE_ from ACT_RU_TASK where PROC_INST_ID_" + dans(instances),
        (r, i) -> new TacheOuverte(r.getString(1), date(r.getTimestamp(2))), instances.toArray());
  }

  List<EvenementAttendu.Abonnement> abonnements(List<String> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select EVENT_NAME_, CREATED_ from ACT_RU_EVENT_SUBSCR where EVENT_TYPE_ = 'message' "
            + "and PROC_INST_ID_" + dans(instances),
        (r, i) -> new EvenementAttendu.Abonnement(r.getString(1), date(r.getTimestamp(2))), instances.toArray());
  }

  List<TacheFinie> tachesFinies(String racine) {
    return jdbc.query("select ID_, NAME_, ASSIGNEE_, END_TIME_, DELETE_REASON_ from ACT_HI_TASKINST "
                + "where ROOT_PROC_INST_ID_ = ?",
            (r, i) -> new TacheFinie(r.getString(1), r.getString(2), r.getString(3), date(r.getTimestamp(4)),
                "deleted".equals(r.getString(5))), racine).stream()
        .filter(t -> t.fin() != null).toList();
  }

  /** Who completed each task of the dossier, by task: the engine's log of user operations. */
  Map<String, String> auteursDesTaches(String racine) {
    Map<String, String> auteurs = new LinkedHashMap<>();
    jdbc.query("select TASK_ID_, USER_ID_, OPERATION_TYPE_ from ACT_HI_OP_LOG where ROOT_PROC_INST_ID_ = ? "
        + "order by TIMESTAMP_", r -> {
          if ("Complete".equals(r.getString(3)) && r.getString(1) != null && r.getString(2) != null) {
            auteurs.putIfAbsent(r.getString(1), r.getString(2));
          }
        }, racine);
    return auteurs;
  }

  /** The values a text variable of this instance took, oldest first (history level full). */
  List<Valeur> valeursSuccessives(String processInstanceId, String variable) {
    record Detail(String nom, Valeur valeur, long ordre) {
    }
    return jdbc.query("select NAME_, TIME_, TEXT_, SEQUENCE_COUNTER_ from ACT_HI_DETAIL where PROC_INST_ID_ = ? "
                + "and TYPE_ = 'VariableUpdate'",
            (r, i) -> new Detail(r.getString(1), new Valeur(date(r.getTimestamp(2)), r.getString(3)), r.getLong(4)),
            processInstanceId).stream()
        .filter(d -> variable.equals(d.nom()))
        .sorted(Comparator.comparing((Detail d) -> d.valeur().date()).thenComparingLong(Detail::ordre))
        .map(Detail::valeur).toList();
  }

  private static String dans(List<String> valeurs) {
    return " in (" + marques(valeurs.size()) + ")";
  }

  /** nombre JDBC placeholders, comma-separated (LectureDossiers's lists too). */
  static String marques(int nombre) {
    return String.join(", ", Collections.nCopies(nombre, "?"));
  }

  static Date date(Timestamp horodatage) {
    return horodatage == null ? null : new Date(horodatage.getTime());
  }
}
