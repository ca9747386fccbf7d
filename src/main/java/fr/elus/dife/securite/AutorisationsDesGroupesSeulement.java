package fr.elus.dife.securite;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task rights come from the groups' grants on every task ({@link ReferentielAcces}),
 * the tenant check keeping each association's tasks to itself: the engine's default
 * of one authorization row per task and candidate group (or assignee) adds nothing to
 * them, but every task query joins each task against all of the caller's authorization
 * rows: with one row per open task, Tasklist's filter counts grew faster than the tasks
 * (issue 13). What those rows gave (READ, READ_VARIABLE and the engine's
 * default-user-permission-for-task, which was TASK_WORK: claim, complete, comment,
 * never write variables or properties) the conseillers' and superviseurs' grants on
 * every task already give.
 */
@Component
public class AutorisationsDesGroupesSeulement extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new SansAutorisationParTache());
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
