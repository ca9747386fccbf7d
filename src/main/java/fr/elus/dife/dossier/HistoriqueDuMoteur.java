package fr.elus.dife.dossier;

import fr.elus.dife.parcours.StatutDossier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level "full", as the database records it (id 3), except the value history
 * of the variables: the engine keeps every past value of every variable, and of every
 * form field, as one history detail each (34 of them for a dossier that was only
 * opened, a quarter of its rows and the largest share of its writes). Nothing reads
 * them but the dossier view, which reads the status's; the other past values are the
 * élu's personal data (phone, email, birth date) in copies that nobody needs. So only
 * the status keeps its history; every variable keeps its current value in the
 * historic variables, and who completed which task when stays in the operation log.
 */
@Component
public class HistoriqueDesValeurs extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine takes the last level named as configured ("full"): the custom ones come
    // after its own; the database's id (3) still finds its own "full" first, so they agree
    List<HistoryLevel> niveaux = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    niveaux.add(new CompletSaufAnciennesValeurs());
    configuration.setCustomHistoryLevels(niveaux);
  }

  static final class CompletSaufAnciennesValeurs extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType type, Object entite) {
      if (HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL.equals(type)) {
        return entite instanceof HistoricVariableUpdateEventEntity valeur
            && StatutDossier.VARIABLE.equals(valeur.getVariableName());
      }
      return !HistoryEventTypes.FORM_PROPERTY_UPDATE.equals(type);
    }
  }
}
