package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role against each endpoint of /engine-rest, /api and the webapps' own API:
 * conseillers and superviseurs read their association and work on tasks, analysts
 * only read, and no one but an administrator starts a process, writes a variable
 * outside a task, correlates a message or a signal, modifies, suspends or deletes
 * an instance. The dossier is unchanged afterwards.
 */
@ApplicationDemarree
class MatriceDesDroitsTest {

  private static final Logger LOG = LoggerFactory.getLogger(MatriceDesDroitsTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ROLES = List.of("conseiller45", "superviseur45", "analyste", "conseiller79");
  private static final int REFUS = -1; // 403, or 404 when the other association's object is hidden

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  RepositoryService repositoryService;

  /** One endpoint; attendus: the status per role, in the order of ROLES. */
  private record Cas(String methode, String chemin, Object corps, int... attendus) {
  }

  private static int[] tous(int statut) {
    return new int[] {statut, statut, statut, statut};
  }

  @Test
  void chaqueRoleNeFaitQueSonTravail() throws Exception {
    ClientHttp http = new ClientHttp(port);
    String reference = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
        .get("reference").asText();
    Attente.jusqua("la tâche", () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    String instance = tache.getProcessInstanceId();
    String definition = tache.getProcessDefinitionId();
    long instancesAvant = historyService.createHistoricProcessInstanceQuery().count();
    String statutAvant = (String) runtimeService.getVariable(instance, "statutDossier");

    String moteur = "/engine-rest";
    String variable = Map.of("value", "CLOS_ABANDON", "type", "String").toString();
    Map<String, Object> valeur = Map.of("value", "CLOS_ABANDON", "type", "String");
    ObjectNode autreAssociation = DossiersDeTest.demande(false);
    autreAssociation.put("association", "aml45");
    List<Cas> cas = new ArrayList<>(List.of(
        // starting the journey around the dossier service, with or without an association variable
        new Cas("POST", moteur + "/process-definition/key/dife-parcours/start",
            Map.of("businessKey", "DIFE-2026-999999", "variables", Map.of("association", Map.of("value", "aml45"))),
            tous(REFUS)),
        new Cas("POST", moteur + "/process-definition/" + definition + "/start", Map.of(), tous(REFUS)),
        new Cas("POST", moteur + "/process-definition/key/dife-identite-numerique/submit-form", Map.of(), tous(REFUS)),
        // variables outside a task
        new Cas("PUT", moteur + "/process-instance/" + instance + "/variables/statutDossier", valeur, tous(REFUS)),
        new Cas("DELETE", moteur + "/process-instance/" + instance + "/variables/statutDossier", null, tous(REFUS)),
        new Cas("POST", moteur + "/process-instance/" + instance + "/variables",
            Map.of("modifications", Map.of("statutDossier", valeur)), tous(REFUS)),
        new Cas("PUT", moteur + "/execution/" + instance + "/localVariables/statutDossier", valeur, tous(REFUS)),
        new Cas("PUT", moteur + "/task/" + tache.getId() + "/variables/statutDossier", valeur, tous(REFUS)),
        new Cas("PUT", moteur + "/task/" + tache.getId() + "/localVariables/x", valeur, tous(REFUS)),
        new Cas("DELETE", moteur + "/task/" + tache.getId() + "/variables/statutDossier", null, tous(REFUS)),
        // messages and signals
        new Cas("POST", moteur + "/message", Map.of("messageName", "AbandonDossier", "all", true), tous(REFUS)),
        new Cas("POST", moteur + "/message", Map.of("messageName", "AbandonDossier", "businessKey", reference),
            tous(REFUS)),
        new Cas("POST", moteur + "/signal", Map.of("name", "AbandonDossier"), tous(REFUS)),
        new Cas("POST", moteur + "/execution/" + instance + "/messageSubscriptions/AbandonDossier/trigger", Map.of(),
            tous(REFUS)),
        // the instance itself
        new Cas("POST", moteur + "/process-instance/" + instance + "/modification",
            Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Tache_CreerCompteFormation"))),
            tous(REFUS)),
        new Cas("PUT", moteur + "/process-instance/" + instance + "/suspended", Map.of("suspended", true), tous(REFUS)),
        new Cas("DELETE", moteur + "/process-instance/" + instance, null, tous(REFUS)),
        new Cas("POST", moteur + "/process-instance/delete",
            Map.of("processInstanceIds", List.of(instance), "deleteReason", "x"), tous(REFUS)),
        new Cas("PUT", moteur + "/process-definition/" + definition + "/suspended", Map.of("suspended", true),
            tous(REFUS)),
        new Cas("POST", moteur + "/task/create", Map.of("name", "tâche libre"), tous(REFUS)),
        new Cas("PUT", moteur + "/task/" + tache.getId(), Map.of("name", "renommée", "priority", 1, "tenantId", "aml45"),
            tous(REFUS)),
        new Cas("POST", moteur + "/deployment/create", null, tous(REFUS)),
        new Cas("POST", moteur + "/user/create", Map.of("profile", Map.of("id", "intrus"),
            "credentials", Map.of("password", "intrus-intrus")), tous(REFUS)),
        new Cas("POST", moteur + "/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
            "userId", "conseiller45", "resourceType", 8, "resourceId", "*"), tous(REFUS)),
        // reading and task work
        new Cas("GET", moteur + "/task?processInstanceBusinessKey=" + reference, null, 200, 200, 200, 200),
        new Cas("GET", moteur + "/process-instance/" + instance, null, 200, 200, 200, REFUS),
        new Cas("GET", moteur + "/history/process-instance/" + instance, null, 200, 200, 200, REFUS),
        // analysts read the flow, not the élu's data (enforceSpecificVariablePermission, ReferentielAcces)
        new Cas("GET", moteur + "/task/" + tache.getId() + "/variables", null, 200, 200, REFUS, REFUS),
        new Cas("POST", moteur + "/task/" + tache.getId() + "/comment/create", Map.of("message", "Appel de l'élu"),
            200, 200, REFUS, REFUS),
        new Cas("POST", moteur + "/task/" + tache.getId() + "/claim", Map.of("userId", "conseiller45"),
            204, 204, REFUS, REFUS),
        new Cas("POST", moteur + "/task/" + tache.getId() + "/unclaim", null, 204, 204, REFUS, REFUS),
        // /api
        new Cas("GET", "/api/dossiers/" + reference, null, 200, 200, 200, 404),
        new Cas("GET", "/api/dossiers?taille=5", null, 200, 200, 200, 200),
        new Cas("GET", "/api/regles/delai-inscription?acceptation=2026-03-02&debut=2026-03-18", null, tous(200)),
        new Cas("POST", "/api/dossiers", autreAssociation, 201, 201, 403, 400),
        new Cas("POST", "/api/dossiers/" + reference + "/evenements", Map.of("idEvenement", "matrice-" + reference,
            "type", "AR24_VALIDE", "date", "2026-03-02"), 409, 409, 403, 404),
        new Cas("POST", "/api/dossiers/" + reference + "/abandon", Map.of("motif", ""), 400, 400, 400, 404)));

    Map<String, Integer> parStatut = new LinkedHashMap<>();
    List<String> ecarts = new ArrayList<>();
    int cellules = 0;
    for (Cas c : cas) {
      for (int r = 0; r < ROLES.size(); r++) {
        String role = ROLES.get(r);
        Object corps = c.corps() instanceof ObjectNode n ? n.deepCopy() : c.corps();
        if (corps instanceof ObjectNode n && n.has("elu")) {
          ((ObjectNode) n.get("elu")).put("nomNaissance", DossiersDeTest.nomUnique()).put("nir", DossiersDeTest.nirValide());
        }
        Reponse reponse = c.chemin().endsWith("/deployment/create")
            ? http.requete(role, "POST", c.chemin(), "--b\r\nContent-Disposition: form-data; name=\"intrus.bpmn\"; "
                + "filename=\"intrus.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--b--\r\n",
                "Content-Type", "multipart/form-data; boundary=b")
            : http.requete(role, c.methode(), c.chemin(), corps);
        cellules++;
        parStatut.merge(String.valueOf(reponse.statut()), 1, Integer::sum);
        if (!conforme(c.attendus()[r], reponse.statut())) {
          ecarts.add(role + " " + c.methode() + " " + c.chemin() + " : " + reponse.statut() + " au lieu de "
              + (c.attendus()[r] == REFUS ? "403/404" : c.attendus()[r]) + " " + abrege(reponse.brute().body()));
        }
      }
    }
    cellules += webapps(reference, instance, definition, tache.getId(), ecarts);
    LOG.info("Matrice des droits : {} cellules (rôle × point d'accès), statuts {}", cellules, parStatut);
    assertThat(ecarts).as("écarts à la matrice").isEmpty();

    // nothing was changed by all this
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
    assertThat(runtimeService.getVariable(instance, "statutDossier")).isEqualTo(statutAvant);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getName())
        .isEqualTo(tache.getName());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("DIFE-2026-999999")
        .count()).isZero();
    // the only new instances are the two dossiers opened through /api
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dife-parcours").count())
        .isLessThanOrEqualTo(instancesAvant + 2);
    assertThat(repositoryService.createProcessDefinitionQuery().suspended().count()).isZero();
  }

  private static boolean conforme(int attendu, int statut) {
    return attendu == REFUS ? statut == 403 || statut == 404 : statut == attendu;
  }

  private static String abrege(String corps) {
    return corps == null ? "" : corps.substring(0, Math.min(160, corps.length()));
  }

  /** The same through the webapps' session, as their pages call it; returns the cells checked. */
  private int webapps(String reference, String instance, String definition, String tache, List<String> ecarts) throws Exception {
    String webapps = "/camunda";
    String moteur = "/api/engine/engine/default";
    String valeur = JSON.writeValueAsString(Map.of("value", "CLOS_ABANDON", "type", "String"));
    record CasWebapp(String application, String methode, String chemin, String corps, int... attendus) {
    }
    List<CasWebapp> cas = List.of(
        new CasWebapp("tasklist", "GET", moteur + "/task?processInstanceBusinessKey=" + reference, null,
            200, 200, 401, 200),
        new CasWebapp("tasklist", "POST", moteur + "/process-definition/key/dife-parcours/start", "{}",
            REFUS, REFUS, 401, REFUS),
        new CasWebapp("tasklist", "PUT", moteur + "/process-instance/" + instance + "/variables/statutDossier", valeur,
            REFUS, REFUS, 401, REFUS),
        new CasWebapp("tasklist", "POST", moteur + "/message", "{\"messageName\":\"AbandonDossier\",\"all\":true}",
            REFUS, REFUS, 401, REFUS),
        new CasWebapp("tasklist", "PUT", moteur + "/task/" + tache, "{\"name\":\"x\",\"tenantId\":\"aml45\"}",
            REFUS, REFUS, 401, REFUS),
        new CasWebapp("tasklist", "POST", moteur + "/task/" + tache + "/comment/create", "{\"message\":\"Appel\"}",
            200, 200, 401, REFUS),
        new CasWebapp("cockpit", "GET", "/api/cockpit/plugin/base/default/process-definition/" + definition
            + "/called-process-definitions", null, 401, 200, 200, 401),
        new CasWebapp("cockpit", "PUT", moteur + "/process-instance/" + instance + "/suspended",
            "{\"suspended\":true}", 401, REFUS, REFUS, 401),
        new CasWebapp("cockpit", "POST", moteur + "/process-instance/" + instance + "/modification",
            "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Tache_CreerCompteFormation\"}]}",
            401, REFUS, REFUS, 401),
        new CasWebapp("admin", "POST", moteur + "/user/create",
            "{\"profile\":{\"id\":\"intrus\"},\"credentials\":{\"password\":\"intrus-intrus\"}}", tous(401)));
    int cellules = 0;
    for (int r = 0; r < ROLES.size(); r++) {
      for (String application : List.of("tasklist", "cockpit", "admin")) {
        ClientHttp.Session session = new ClientHttp(port).session();
        Reponse connexion = session.connexion(application, ROLES.get(r), "demo");
        boolean connecte = connexion.statut() == 200;
        for (CasWebapp c : cas) {
          if (!c.application().equals(application)) {
            continue;
          }
          int attendu = c.attendus()[r];
          cellules++;
          if (!connecte) {
            if (attendu != 401) {
              ecarts.add(ROLES.get(r) + " connexion à " + application + " : " + connexion.statut());
            }
            continue;
          }
          Reponse reponse = c.corps() == null
              ? session.requete(c.methode(), webapps + c.chemin(), null, "Accept", "application/json")
              : session.requete(c.methode(), webapps + c.chemin(), c.corps(), "Accept", "application/json",
                  "Content-Type", "application/json");
          if (!conforme(attendu, reponse.statut())) {
            ecarts.add(ROLES.get(r) + " " + application + " " + c.methode() + " " + c.chemin() + " : "
                + reponse.statut() + " au lieu de " + (attendu == REFUS ? "403/404" : attendu) + " "
                + abrege(reponse.brute().body()));
          }
        }
      }
    }
    return cellules;
  }
}
