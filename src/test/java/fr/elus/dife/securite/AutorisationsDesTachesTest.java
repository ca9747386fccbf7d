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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Tasks get no authorization rows of their own, task queries skip the authorization
 * join for a caller granted every task, and the team still works on its tasks, the
 * other association sees none of them, and a revocation still hides a task.
 */
@ApplicationDemarree
class AutorisationsDesTachesTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  DataSource dataSource;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProcessEngineConfigurationImpl configuration;

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
    assertThat(http.get("conseiller79", "/engine-rest/task/count?processInstanceBusinessKey=" + reference).corps()
        .get("count").asInt()).isZero();

    assertThat(jointureDesAutorisations("conseiller45", Groupes.CONSEILLERS)).isFalse();
    assertThat(jointureDesAutorisations("inconnu", "groupe-sans-droit")).isTrue();

    // a revocation an administrator adds in Admin brings the full check back
    Authorization revocation = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revocation.setGroupId(Groupes.CONSEILLERS);
    revocation.setResource(Resources.TASK);
    revocation.setResourceId(tache.getId());
    revocation.setPermissions(new Permission[] {Permissions.READ});
    authorizationService.saveAuthorization(revocation);
    try {
      assertThat(jointureDesAutorisations("conseiller45", Groupes.CONSEILLERS)).as("avec une révocation").isTrue();
      assertThat(http.get("conseiller45", "/engine-rest/task/count?processInstanceBusinessKey=" + reference).corps()
          .get("count").asInt()).isZero();
      assertThat(http.post("conseiller45", "/engine-rest/filter/" + equipe + "/list?maxResults=1000", Map.of())
          .corps().findValuesAsText("id")).doesNotContain(tache.getId());
    } finally {
      authorizationService.deleteAuthorization(revocation.getId());
    }
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

  /** Whether a task query of this caller joins the authorization rows. */
  private boolean jointureDesAutorisations(String utilisateur, String groupe) {
    identityService.setAuthentication(utilisateur, List.of(groupe), List.of("aml45"));
    try {
      return configuration.getCommandExecutorTxRequired().execute(contexte -> {
        TaskQueryImpl requete = (TaskQueryImpl) taskService.createTaskQuery();
        contexte.getAuthorizationManager().configureTaskQuery(requete);
        return requete.getAuthCheck().getShouldPerformAuthorizatioCheck();
      });
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Authorization parTache(String tache, Permission... permissions) {
    Authorization autorisation = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    autorisation.setGroupId(Groupes.CONSEILLERS);
    autorisation.setResource(Resources.TASK);
    autorisation.setResourceId(tache);
    autorisation.setPermissions(permissions);
    return authorizationService.saveAuthorization(autorisation);
  }
}
