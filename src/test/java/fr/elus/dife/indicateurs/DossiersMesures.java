package fr.elus.dife.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Three AML45 dossiers of March 2021 whose every duration is known, built once for
 * the indicators and export tests with the engine's clock moved, as a conseiller
 * and the outside would move them (API, /engine-rest). In the past, so that no
 * other test's timer falls due while the clock is moved.
 * <ul>
 * <li>A: account created after 2 days, AR24 verified 3 hours after it started (kept);</li>
 * <li>B: account created after 4 days (a Friday), AR24 due on day 7, its timer fired on day 10 (missed,
 * late now);</li>
 * <li>C: account created after 6 days, abandoned 12 hours later during its AR24 (cancelled: neither
 * kept nor missed).</li>
 * </ul>
 */
public final class DossiersMesures {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDateTime T0 = LocalDateTime.of(2021, 3, 1, 9, 0);
  static final String PERIODE = "association=aml45&depuis=2021-03-01&jusqua=2021-03-31";

  private static DossiersMesures construits;

  public final String a;
  public final String b;
  public final String c;
  /** AML45's dossiers per status now, just before and just after these three were built. */
  final Map<String, Long> parStatutAvant;
  final Map<String, Long> parStatutApres;

  private final ClientHttp http;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  private DossiersMesures(ClientHttp http, ProcessEngine moteur) {
    this.http = http;
    this.taskService = moteur.getTaskService();
    this.runtimeService = moteur.getRuntimeService();
    this.managementService = moteur.getManagementService();
    attendreLesJobs();
    parStatutAvant = parStatut();
    try {
      horloge(Duration.ZERO);
      a = ouvrir();
      b = ouvrir();
      c = ouvrir();
      horloge(Duration.ofDays(2));
      creerCompte(a);
      accompagnerEnLigne(a);
      horloge(Duration.ofDays(2).plusHours(3));
      assertThat(evenement(a, "AR24_VALIDE").statut()).isEqualTo(202);
      horloge(Duration.ofDays(4));
      creerCompte(b);
      accompagnerEnLigne(b);
      horloge(Duration.ofDays(6));
      creerCompte(c);
      accompagnerEnLigne(c);
      horloge(Duration.ofDays(6).plusHours(12));
      assertThat(http.post("conseiller45", "/api/dossiers/" + c + "/abandon", Map.of("motif", "L'élu renonce."))
          .statut()).isEqualTo(202);
      horloge(Duration.ofDays(10));
      // the job executor fires B's AR24 timer, due since day 7, at the moved clock
      Attente.jusqua("le dépassement de l'AR24 de " + b, () -> taskService.createTaskQuery()
          .processInstanceBusinessKey(b).taskDefinitionKey("Tache_AppelerSupportLaPoste").count() == 1);
      attendreLesJobs();
    } finally {
      ClockUtil.reset();
    }
    parStatutApres = parStatut();
  }

  private Map<String, Long> parStatut() {
    Map<String, Long> nombres = new HashMap<>();
    http.get("analyste", "/api/indicateurs?association=aml45").corps().get("parStatut")
        .forEach(s -> nombres.put(s.get("statut").asText(), s.get("nombre").asLong()));
    return nombres;
  }

  public static synchronized DossiersMesures construire(ClientHttp http, ProcessEngine moteur) {
    if (construits == null) {
      construits = new DossiersMesures(http, moteur);
    }
    return construits;
  }

  static Date moment(Duration apresT0) {
    return Date.from(T0.atZone(PARIS).toInstant().plus(apresT0));
  }

  private static void horloge(Duration apresT0) {
    ClockUtil.setCurrentTime(moment(apresT0));
  }

  private String ouvrir() {
    Reponse reponse = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false));
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(201);
    attendreLesJobs();
    return reponse.corps().get("reference").asText();
  }

  private void creerCompte(String reference) {
    terminer(reference, "Tache_CreerCompteFormation", Map.of("modeCreationCompte", "QUATRE_ETAPES",
        "dateCreationCompte", ClockUtil.getCurrentTime().toInstant().atZone(PARIS).toLocalDate().toString()));
  }

  private void accompagnerEnLigne(String reference) {
    terminer(reference, "Tache_AccompagnerEnLigne", Map.of("compteLaPoste", "CREE", "informationsIdentiteSaisies", true,
        "modeVerification", "AR24"));
    Attente.jusqua("l'attente de l'AR24 de " + reference, () -> runtimeService.createEventSubscriptionQuery()
        .eventName("Ar24Valide").list().stream().anyMatch(e -> runtimeService.createProcessInstanceQuery()
            .processInstanceId(e.getProcessInstanceId()).processInstanceBusinessKey(reference).count() == 1));
  }

  private void terminer(String reference, String definition, Map<String, Object> valeurs) {
    Attente.jusqua("la tâche " + definition + " de " + reference, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey(definition).count() == 1);
    String tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult().getId();
    Map<String, Object> variables = new HashMap<>();
    valeurs.forEach((cle, valeur) -> variables.put(cle, Map.of("value", valeur)));
    Reponse reponse = http.post("conseiller45", "/engine-rest/task/" + tache + "/complete",
        Map.of("variables", variables));
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(204);
    attendreLesJobs();
  }

  private Reponse evenement(String reference, String type) {
    return http.post("conseiller45", "/api/dossiers/" + reference + "/evenements", Map.of("idEvenement",
        type + "-" + reference, "type", type, "date", ClockUtil.getCurrentTime().toInstant().toString(),
        "donnees", Map.of()));
  }

  // the send tasks and continuations run at the moved clock before it moves again
  private void attendreLesJobs() {
    attendreLesJobs(managementService);
  }

  static void attendreLesJobs(ManagementService managementService) {
    Attente.jusqua("les jobs exécutables", () -> managementService.createJobQuery().executable().count() == 0);
  }
}
