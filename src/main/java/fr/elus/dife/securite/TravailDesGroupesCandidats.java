package fr.elus.dife.securite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A task is worked by its candidate groups. The grants of ReferentielAcces give the
 * conseillers and superviseurs TASK_WORK on every task of their association (no row per
 * task, see AutorisationsDesTaches), so nothing in them kept a conseiller from claiming
 * or completing, over /engine-rest, a task the model gives to the superviseurs alone.
 * This listener, on every user task, refuses that claim or completion to a user who is
 * in none of the task's candidate groups, unless a superviseur or an administrator, who
 * answer for every task of their association; or the assignee that one of them chose,
 * who may also hand a task delegated to them back to its owner.
 * Without an authenticated user (the job executor, the engine's own calls) nothing is checked.
 */
@Component
public class TravailDesGroupesCandidats extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TravailDesGroupesCandidats.class);
  private static final Set<String> POUR_TOUTES = Set.of(Groupes.SUPERVISEURS, Groupes.ADMINISTRATEURS);
  // the engine wraps a listener's exception in its own: GardeMoteurRest finds the refusal by these words
  private static final String MARQUE = " n'en fait pas partie et ne peut la ";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activite) {
        if (activite.getActivityBehavior() instanceof UserTaskActivityBehavior tache) {
          // built in: before the model's own listeners, so a refusal leaves nothing done
          tache.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
              t -> verifier(t, "prendre"));
          tache.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
              t -> verifier(t, "terminer"));
        }
      }
    });
  }

  private void verifier(DelegateTask tache, String action) {
    Authentication utilisateur = tache.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (utilisateur == null || utilisateur.getUserId() == null
        || "prendre".equals(action) && tache.getAssignee() == null) {
      return;
    }
    List<String> groupes = utilisateur.getGroupIds() == null ? List.of() : utilisateur.getGroupIds();
    Set<String> candidats = new TreeSet<>();
    for (IdentityLink lien : tache.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(lien.getType()) && lien.getGroupId() != null) {
        candidats.add(lien.getGroupId());
      }
    }
    boolean assigneeChoisi = "terminer".equals(action) && utilisateur.getUserId().equals(tache.getAssignee());
    if (candidats.isEmpty() || assigneeChoisi || rendueParSonDelegataire(tache, utilisateur.getUserId())
        || groupes.stream().anyMatch(g -> candidats.contains(g) || POUR_TOUTES.contains(g))) {
      return;
    }
    LOG.info("Tâche {} ({}) : {} ne peut la {}, réservée à {}", tache.getId(), tache.getTaskDefinitionKey(),
        utilisateur.getUserId(), action, candidats);
    throw new AuthorizationException("La tâche « " + tache.getName() + " » revient au groupe "
        + String.join(", ", candidats.stream().map(g -> "« " + g + " »").toList()) + " : "
        + utilisateur.getUserId() + MARQUE + action + ".");
  }

  /**
   * The one a superviseur delegated the task to hands it back (resolve): it returns to its
   * owner, from that user's hands only (the owner alone can be set by anyone who may assign).
   */
  private static boolean rendueParSonDelegataire(DelegateTask tache, String utilisateur) {
    if (!(tache instanceof TaskEntity entite) || entite.getDelegationState() != DelegationState.RESOLVED
        || !tache.getAssignee().equals(tache.getOwner())) {
      return false;
    }
    PropertyChange changement = entite.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    return changement != null && utilisateur.equals(changement.getOrgValueString());
  }

  /** Whether an error message is this refusal, however the engine wrapped it. */
  static boolean estUnRefus(String message) {
    return message != null && message.contains(MARQUE);
  }
}
