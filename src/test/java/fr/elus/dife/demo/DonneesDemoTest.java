package fr.elus.dife.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.dossier.AbandonDossier;
import fr.elus.dife.dossier.EvenementsDossier;
import fr.elus.dife.dossier.OuvertureDossier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import fr.elus.dife.navigateur.Navigateur;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The demo's dossiers reach the stages they tell, as the conseillers and the analyst see them. */
@ApplicationDemarree
class DonneesDemoTest {

  @LocalServerPort
  int port;
  @Autowired
  OuvertureDossier ouverture;
  @Autowired
  EvenementsDossier evenements;
  @Autowired
  AbandonDossier abandon;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FilterService filterService;

  private static final Map<String, String> STATUTS_ATTENDUS = Map.ofEntries(
      Map.entry("LEFEBVRE", "COMPTE_FORMATION"), Map.entry("GARNIER", "IDENTITE_NUMERIQUE"),
      Map.entry("FOURNIER", "IDENTITE_NUMERIQUE"), Map.entry("BONNET", "ESCALADE_CDC"),
      Map.entry("DUPUIS", "ATTENTE_PROPOSITION"), Map.entry("LAMBERT", "VALIDATION"), Map.entry("FONTAINE", "FRAIS_THR"),
      Map.entry("CHEVALIER", "CLOS_FORMATION_SUIVIE"), Map.entry("PERRIN", "CLOS_ABANDON"),
      Map.entry("ANDRE", "VALIDATION"), Map.entry("MERCIER", "ATTENTE_PROPOSITION"),
      Map.entry("BOYER", "CLOS_DIFE_NON_MOBILISE"), Map.entry("ROBIN", "CLOS_DIFE_NON_MOBILISE"),
      Map.entry("GAUTHIER", "ESCALADE_CDC"));

  @Test
  void chaqueDossierDeDemonstrationEstALEtapeQueRaconteSonHistoire() throws Exception {
    // the suite's other tests opened dossiers too, some for élus of the same names, and later than the
    // demo's, whose clock runs in the past: only the dossiers opened from here on are the demo's
    Set<String> avant = Set.copyOf(jdbc.queryForList("select reference from dife_dossier", String.class));
    DonneesDemo demo = new DonneesDemo(ouverture, evenements, abandon, taskService, runtimeService, managementService,
        identityService, jdbc);
    demo.scenarios();
    ClockUtil.reset();

    Demo http = new Demo(new ClientHttp(port), avant);
    // a few dozen timers and emails for the job executor: longer than one step, on a loaded machine
    Attente.jusqua("les timers échus des dossiers de démonstration", Duration.ofSeconds(90), () -> statuts(http)
        .entrySet().containsAll(STATUTS_ATTENDUS.entrySet()));
    assertThat(statuts(http)).hasSizeGreaterThanOrEqualTo(22);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Tache_EscaladeEnRetard").taskCandidateGroup("superviseurs")
        .processInstanceBusinessKey(reference(http, "BONNET")).count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Tache_AppelerSupportLaPoste")
        .processInstanceBusinessKey(reference(http, "GARNIER")).count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Tache_SuivreCourrier")
        .processInstanceBusinessKey(reference(http, "FOURNIER")).count()).isEqualTo(1);
    assertThat(http.dossiers("conseiller79").stream().map(d -> d.get("nomNaissance").asText()))
        .contains("MARCHAND", "ROBIN").doesNotContain("LEFEBVRE");

    // what a conseiller of AML45 sees on opening Tasklist
    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Procédures courrier en attente"));
      navigateur.capture("demo-tasklist-conseiller45");
      navigateur.ouvrir("/camunda/app/tasklist/default/#/?filter=" + filtre("Procédures courrier en attente"));
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Faire le point sur le courrier recommandé"));
      navigateur.pilote().manage().deleteAllCookies();
      navigateur.connecter("tasklist", "superviseur45", "demo");
      navigateur.ouvrir("/camunda/app/tasklist/default/#/?filter=" + filtre("Escalades CDC en retard"));
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Reprendre une escalade CDC en retard"));
      navigateur.capture("demo-tasklist-superviseur45-escalades");
    }
  }

  private String filtre(String nom) {
    return filterService.createTaskFilterQuery().filterName(nom).singleResult().getId();
  }

  /** The demo's dossiers over the API, every page of the list. */
  private record Demo(ClientHttp http, Set<String> avant) {

    List<JsonNode> dossiers(String utilisateur) {
      List<JsonNode> dossiers = new ArrayList<>();
      for (int page = 0; ; page++) {
        JsonNode reponse = http.get(utilisateur, "/api/dossiers?taille=100&page=" + page).corps();
        reponse.get("dossiers").forEach(dossier -> {
          if (!avant.contains(dossier.get("reference").asText())) {
            dossiers.add(dossier);
          }
        });
        if ((page + 1) * 100L >= reponse.get("total").asLong()) {
          return dossiers;
        }
      }
    }
  }

  // the administrator: analysts no longer read the élu's variables (ReferentielAcces)
  private static Map<String, String> statuts(Demo http) {
    Map<String, String> statuts = new HashMap<>();
    for (JsonNode dossier : http.dossiers("admin")) {
      statuts.put(dossier.get("nomNaissance").asText(), dossier.get("statutDossier").asText());
    }
    return statuts;
  }

  private static String reference(Demo http, String nom) {
    for (JsonNode dossier : http.dossiers("admin")) {
      if (dossier.get("nomNaissance").asText().equals(nom)) {
        return dossier.get("reference").asText();
      }
    }
    throw new AssertionError("Pas de dossier de démonstration " + nom);
  }
}
