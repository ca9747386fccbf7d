package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/** Tasks get no authorization rows of their own, and the groups' grants still let the team work. */
@ApplicationDemarree
class AutorisationsDesGroupesSeulementTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  DataSource dataSource;

  @Test
  void uneTacheCandidateEtPriseNAjouteAucuneAutorisationEtLEquipeYTravaille() {
    ClientHttp http = new ClientHttp(port);
    String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
        .get("reference").asText();
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();

    assertThat(http.post("conseiller45", "/engine-rest/task/" + tache.getId() + "/claim",
        Map.of("userId", "conseiller45")).statut()).isEqualTo(204);
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(tache.getId()).count()).as("autorisations propres à la tâche").isZero();

    // the team reads its variables and finds it in its filter; analysts and the other association do not
    assertThat(http.get("superviseur45", "/engine-rest/task/" + tache.getId() + "/variables/reference").corps()
        .get("value").asText()).isEqualTo(reference);
    String equipe = null;
    for (var filtre : http.get("conseiller45", "/engine-rest/filter?resourceType=Task").corps()) {
      if (filtre.get("name").asText().equals("Tâches de mon équipe")) {
        equipe = filtre.get("id").asText();
      }
    }
    assertThat(http.post("conseiller45", "/engine-rest/filter/" + equipe + "/list?maxResults=1000", Map.of())
        .corps().findValuesAsText("id")).contains(tache.getId());
    assertThat(http.get("analyste", "/engine-rest/task/" + tache.getId() + "/variables/reference").statut())
        .isEqualTo(403);
    assertThat(http.get("conseiller79", "/engine-rest/task/" + tache.getId()).statut()).isEqualTo(404);
    assertThat(http.post("conseiller45", "/engine-rest/task/" + tache.getId() + "/unclaim", null).statut())
        .isEqualTo(204);
  }

  @Test
  void laMigrationNeRetireQueLesAutorisationsQueLeMoteurFaisaitParTache() throws Exception {
    Authorization duMoteur = parTache("tache-ancienne", Permissions.READ, TaskPermissions.READ_VARIABLE,
        TaskPermissions.TASK_WORK);
    Authorization dUnAdministrateur = parTache("tache-reservee", Permissions.READ, Permissions.UPDATE);

    try (Connection connexion = dataSource.getConnection()) {
      String sql = new ClassPathResource("db/moteur/V13_3__sans_autorisation_par_tache.sql")
          .getContentAsString(StandardCharsets.UTF_8);
      connexion.createStatement().execute(sql);
    }

    List<String> restantes = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).list()
        .stream().map(Authorization::getResourceId).toList();
    assertThat(restantes).contains("*", dUnAdministrateur.getResourceId())
        .doesNotContain(duMoteur.getResourceId());
    authorizationService.deleteAuthorization(dUnAdministrateur.getId());
  }

  private Authorization parTache(String tache, org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization autorisation = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    autorisation.setGroupId(Groupes.CONSEILLERS);
    autorisation.setResource(Resources.TASK);
    autorisation.setResourceId(tache);
    autorisation.setPermissions(permissions);
    return authorizationService.saveAuthorization(autorisation);
  }
}
