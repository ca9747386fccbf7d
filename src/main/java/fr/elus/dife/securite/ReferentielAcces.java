package fr.elus.dife.securite;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.elus.dife.securite.AssociationsProperties.Association;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups, tenants, group authorizations and shared Tasklist filters of docs/CONTRACT.md, in every setup
 * (production included): an administrator then only adds users to a group and a
 * tenant. What exists is set to these rights, never duplicated, so every node may run it.
 */
@Component
public class ReferentielAcces {

  static final int ORDRE = 1;
  private static final Logger LOG = LoggerFactory.getLogger(ReferentielAcces.class);
  private static final String TOUS = "*";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final AssociationsProperties associations;

  public ReferentielAcces(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, AssociationsProperties associations) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.associations = associations;
  }

  private record Droit(Resource ressource, String identifiant, List<Permission> permissions) {
  }

  // task work only: reading the dossiers, claiming, completing and submitting forms,
  // commenting. Starting a journey, events and abandons go through /api, whose services
  // check group and association (ActionDuService); no variable is written outside a
  // task's completion, no instance modified, suspended or deleted, no message or signal
  // the élu's personal data (birth date, phone, email, masked NIR) lives in the process
  // variables: with enforce-specific-variable-permission, reading them needs the
  // READ_*_VARIABLE permissions, which those who work the dossiers have and the
  // analysts have not, so Cockpit and /engine-rest show analysts the flow without a variable
  private static final List<Permission> TRAITER_DOSSIERS_DEFINITION = List.of(Permissions.READ,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
      ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
      ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);

  private static final List<Droit> TRAITER_DOSSIERS = List.of(
      new Droit(Resources.PROCESS_DEFINITION, TOUS, TRAITER_DOSSIERS_DEFINITION),
      new Droit(Resources.PROCESS_INSTANCE, TOUS, List.of(Permissions.READ)),
      new Droit(Resources.TASK, TOUS, List.of(Permissions.READ, TaskPermissions.TASK_WORK,
          TaskPermissions.TASK_ASSIGN, TaskPermissions.READ_VARIABLE)),
      new Droit(Resources.FILTER, TOUS, List.of(Permissions.READ)),
      // /api/regles evaluates the barème decisions as the caller
      new Droit(Resources.DECISION_DEFINITION, TOUS,
          List.of(Permissions.READ, Permissions.CREATE_INSTANCE)));

  private static final List<Droit> OBSERVER_FLUX = List.of(
      new Droit(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
      new Droit(Resources.PROCESS_DEFINITION, TOUS, List.of(Permissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK)),
      new Droit(Resources.PROCESS_INSTANCE, TOUS, List.of(Permissions.READ)),
      new Droit(Resources.TASK, TOUS, List.of(Permissions.READ)),
      new Droit(Resources.DECISION_DEFINITION, TOUS, List.of(Permissions.READ, Permissions.READ_HISTORY,
          Permissions.CREATE_INSTANCE)),
      new Droit(Resources.DECISION_REQUIREMENTS_DEFINITION, TOUS, List.of(Permissions.READ)),
      new Droit(Resources.DEPLOYMENT, TOUS, List.of(Permissions.READ)));

  private static final Map<String, List<Droit>> DROITS_PAR_GROUPE = Map.of(
      Groupes.CONSEILLERS, concat(TRAITER_DOSSIERS,
          new Droit(Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS))),
      Groupes.SUPERVISEURS, concat(TRAITER_DOSSIERS,
          new Droit(Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
          new Droit(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS))),
      Groupes.ANALYSTES, OBSERVER_FLUX);

  /**
   * What each task card shows under its name: the élu, the collectivité and the dossier.
   * Every process of a dossier carries these variables (call activities pass them all),
   * and Tasklist's search offers them by these labels.
   */
  private static final List<Map<String, String>> VARIABLES_DES_CARTES = List.of(
      Map.of("name", "nomNaissance", "label", "Élu"),
      Map.of("name", "prenoms", "label", "Prénoms"),
      Map.of("name", "nomUsage", "label", "Nom d'usage"),
      Map.of("name", "collectiviteNom", "label", "Collectivité"),
      Map.of("name", "reference", "label", "Dossier"));

  private static final Map<String, String> NOMS_GROUPES = Map.of(
      Groupes.CONSEILLERS, "Conseillers",
      Groupes.SUPERVISEURS, "Superviseurs",
      Groupes.ANALYSTES, "Analystes");

  @EventListener(ApplicationReadyEvent.class)
  @Order(ORDRE)
  public void mettreEnPlace() {
    MiseEnPlaceEntreNoeuds.faire("Groupes, associations, autorisations et filtres", this::mettreEnPlaceUneFois);
    LOG.info("Groupes, associations et autorisations en place ({} associations)", associations.associations().size());
  }

  private void mettreEnPlaceUneFois() {
    NOMS_GROUPES.forEach(this::groupe);
    associations.associations().forEach(this::tenant);
    DROITS_PAR_GROUPE.forEach((groupe, droits) -> droits.forEach(droit -> accorder(groupe, droit)));
    filtresPartages(taskService).forEach(this::filtre);
  }

  /** One of the shared Tasklist filters: its name, its place in the list, what it holds. */
  public record FiltrePartage(String nom, int priorite, String description, TaskQuery requete) {
  }

  /** The shared filters, built on the given engine's TaskService (the bench builds them on its bare engine). */
  public static List<FiltrePartage> filtresPartages(TaskService taskService) {
    return List.of(
        new FiltrePartage("Tâches de mon équipe", -20, "Tâches des groupes dont je fais partie, prises ou non",
            tachesDeMonEquipe(taskService)),
        new FiltrePartage("Mes tâches", -10, "Tâches que j'ai prises",
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        new FiltrePartage("Échéances cette semaine", 0, "Tâches de mon équipe dues dans les 7 jours ou en retard",
            tachesDeMonEquipe(taskService).dueBeforeExpression("${dateTime().plusDays(7).toDate()}")),
        new FiltrePartage("Escalades CDC en retard", 10, "Escalades à la Caisse des Dépôts restées sans réponse",
            tachesDeMonEquipe(taskService).taskDefinitionKey("Tache_EscaladeEnRetard")),
        new FiltrePartage("Procédures courrier en attente", 20, "Procédures courrier à préparer ou à suivre",
            tachesDeMonEquipe(taskService).taskDefinitionKeyIn("Tache_PreparerCourrier", "Tache_SuivreCourrier")));
  }

  private static TaskQuery tachesDeMonEquipe(TaskService taskService) {
    return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  // Tasklist shows nothing to a conseiller without a filter; shared by every user, lowest priority first
  private void filtre(FiltrePartage partage) {
    Filter filtre = filterService.createTaskFilterQuery().filterName(partage.nom()).singleResult();
    if (filtre == null) {
      filtre = filterService.newTaskFilter(partage.nom());
      filtre.setQuery(partage.requete());
    } else if (filtre.getProperties() != null && VARIABLES_DES_CARTES.equals(filtre.getProperties().get("variables"))) {
      return;
    }
    // filters made before the cards named the élu get their variables too
    filtre.setProperties(Map.of("priority", partage.priorite(), "description", partage.description(), "refresh", true,
        "variables", VARIABLES_DES_CARTES));
    filterService.saveFilter(filtre);
  }

  private void groupe(String id, String nom) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group groupe = identityService.newGroup(id);
      groupe.setName(nom);
      groupe.setType("WORKFLOW");
      identityService.saveGroup(groupe);
    }
  }

  private void tenant(Association association) {
    if (identityService.createTenantQuery().tenantId(association.id()).count() == 0) {
      Tenant tenant = identityService.newTenant(association.id());
      tenant.setName(association.nom());
      identityService.saveTenant(tenant);
    }
  }

  private void accorder(String groupe, Droit droit) {
    Authorization autorisation = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupe).resourceType(droit.ressource()).resourceId(droit.identifiant())
        .singleResult();
    // exactly these, so that a right withdrawn here is withdrawn from existing installations too
    AuthorizationEntity voulue = (AuthorizationEntity) authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    voulue.setPermissions(droit.permissions().toArray(Permission[]::new));
    if (autorisation == null) {
      voulue.setGroupId(groupe);
      voulue.setResource(droit.ressource());
      voulue.setResourceId(droit.identifiant());
      authorizationService.saveAuthorization(voulue);
    } else if (((AuthorizationEntity) autorisation).getPermissions() != voulue.getPermissions()) {
      // an unchanged grant is not written again: nodes starting together would fight over it
      ((AuthorizationEntity) autorisation).setPermissions(voulue.getPermissions());
      authorizationService.saveAuthorization(autorisation);
    }
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T> liste, T... autres) {
    return Stream.concat(liste.stream(), Arrays.stream(autres)).toList();
  }
}
