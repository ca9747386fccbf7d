package fr.elus.dife.dossier;

import fr.elus.dife.parcours.StatutDossier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * History level "full", as the database records it (id 3), without two kinds of rows
 * that nobody reads and that made a third of an open dossier's history:
 * <ul>
 * <li>the past values of the variables and of every submitted form field, one history
 * detail each (34 for a dossier that was only opened): copies of the élu's personal
 * data (phone, email, birth date). Only the status keeps its history, which the
 * dossier view shows; every variable keeps its current value in the historic
 * variables, and who completed which task when stays in the operation log;
 * <li>the passages through exclusive gateways (44 % of an open dossier's historic
 * activities): a gateway never waits, so it is never a step of the view, and the
 * branch taken is the activity that follows it. Event-based and parallel gateways,
 * which wait, keep theirs.
 * </ul>
 */
@Component
public class HistoriqueDuMoteur extends AbstractProcessEnginePlugin {

  private static final String PORTE_EXCLUSIVE = "exclusiveGateway";
  private static final Set<HistoryEventType> ACTIVITES = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
      HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END,
      HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine takes the last level named as configured ("full"): the custom ones come
    // after its own; the database's id (3) still finds its own "full" first, so they agree
    List<HistoryLevel> niveaux = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    niveaux.add(new CompletSansCopiesNiPortes());
    configuration.setCustomHistoryLevels(niveaux);
  }

  static final class CompletSansCopiesNiPortes extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType type, Object entite) {
      if (HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL.equals(type)) {
        return entite instanceof HistoricVariableUpdateEventEntity valeur
            && StatutDossier.VARIABLE.equals(valeur.getVariableName());
      }
      if (ACTIVITES.contains(type)) {
        // every event of a gateway's activity instance, so that none updates a row never written
        return !(entite instanceof ExecutionEntity execution && execution.getActivity() != null
            && PORTE_EXCLUSIVE.equals(execution.getActivity().getProperties().get(BpmnProperties.TYPE)));
      }
      return !HistoryEventTypes.FORM_PROPERTY_UPDATE.equals(type);
    }
  }
}
