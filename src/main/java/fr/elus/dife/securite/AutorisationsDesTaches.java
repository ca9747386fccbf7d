package fr.elus.dife.securite;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task rights come from the groups' grants on every task ({@link ReferentielAcces}),
 * the tenant check keeping each association's tasks to itself. Two of the engine's
 * defaults made every task query grow with the open tasks (issue 13; Tasklist counts
 * its focused filter every 10 s):
 * <ul>
 * <li>one authorization row per task and candidate group or assignee, which added
 * nothing to the groups' grants (READ, READ_VARIABLE and TASK_WORK, the engine's
 * default-user-permission-for-task, set to TASK_WORK before: claim, complete, comment,
 * never write variables or properties);</li>
 * <li>the join of each task against the caller's authorization rows, which H2
 * evaluates per task (measured at 10,000 open tasks: 324 ms for Tasklist's count with
 * it, 37 ms without). For a caller granted READ on every task and subject to no
 * revocation, that join keeps every task: it is left out, exactly as if it ran.</li>
 * </ul>
 */
@Component
public class AutorisationsDesTaches extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new SansAutorisationParTache());
    List<SessionFactory> fabriques = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      fabriques.addAll(configuration.getCustomSessionFactories());
    }
    // replaces the engine's own AuthorizationManager, registered under the same type
    fabriques.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new SansJointureSiToutesLesTaches();
      }
    });
    configuration.setCustomSessionFactories(fabriques);
  }

  /** One per command context, like the engine's: its caller does not change within it. */
  static final class SansJointureSiToutesLesTaches extends AuthorizationManager {

    // asked once per command: a command such as the dossier view runs several task queries
    private Boolean toutesLesTachesLisibles;

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck controle = query.getAuthCheck();
      if (controle.getShouldPerformAuthorizatioCheck() && !controle.isRevokeAuthorizationCheckEnabled()
          && toutesLesTachesLisibles()) {
        controle.setPermissionChecks(new CompositePermissionCheck());
      }
    }

    private boolean toutesLesTachesLisibles() {
      if (toutesLesTachesLisibles == null) {
        toutesLesTachesLisibles = isAuthorized(Permissions.READ, Resources.TASK, Authorization.ANY);
      }
      return toutesLesTachesLisibles;
    }
  }

  static final class SansAutorisationParTache extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return null;
    }
  }
}
