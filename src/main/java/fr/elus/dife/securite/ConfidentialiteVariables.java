package fr.elus.dife.securite;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The élu's personal data (birth date, phone, email, masked NIR) lives in the
 * process variables. With {@code enforce-specific-variable-permission}, reading
 * them needs these permissions on the definitions: the conseillers and
 * superviseurs who work the dossiers have them, the analysts do not, so Cockpit
 * and /engine-rest show analysts the flow without a single variable.
 */
@Component
public class ConfidentialiteVariables {

  static final List<Permission> LIRE_VARIABLES = List.of(ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
  private static final List<String> GROUPES = List.of(Groupes.CONSEILLERS, Groupes.SUPERVISEURS);
  private static final String TOUTES = "*";

  private final AuthorizationService authorizationService;

  public ConfidentialiteVariables(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** After ReferentielAcces, whose grant on every definition this completes (one grant per group and resource). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(ReferentielAcces.ORDRE + 1)
  public void accorderLectureDesVariables() {
    for (String groupe : GROUPES) {
      Authorization autorisation = authorizationService.createAuthorizationQuery().groupIdIn(groupe)
          .resourceType(Resources.PROCESS_DEFINITION).resourceId(TOUTES).singleResult();
      if (autorisation == null) {
        autorisation = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        autorisation.setGroupId(groupe);
        autorisation.setResource(Resources.PROCESS_DEFINITION);
        autorisation.setResourceId(TOUTES);
      }
      LIRE_VARIABLES.forEach(autorisation::addPermission);
      authorizationService.saveAuthorization(autorisation);
    }
  }
}
