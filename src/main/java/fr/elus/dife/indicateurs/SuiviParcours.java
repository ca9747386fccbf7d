package fr.elus.dife.indicateurs;

import fr.elus.dife.dossier.OuvertureDossier;
import fr.elus.dife.parcours.StatutDossier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the indicators' read model from the engine's own history events: each
 * status of dife-parcours, each deadline's wait and overrun, the amounts of the
 * split and of the frais THR. It runs inside the command that produced the event,
 * so the read model commits or rolls back with the engine; nothing in the models
 * or in the status code has to know about it.
 */
@Component
public class SuiviParcours extends AbstractProcessEnginePlugin {

  // registered by this plugin, not as a HistoryEventHandler bean: the starter takes a single
  // such bean, and each feature that reads the history has its own
  private final HistoryEventHandler gestionnaire = new HistoryEventHandler() {
    @Override
    public void handleEvent(HistoryEvent evenement) {
      SuiviParcours.this.handleEvent(evenement);
    }

    @Override
    public void handleEvents(List<HistoryEvent> evenements) {
      SuiviParcours.this.handleEvents(evenements);
    }
  };

  private final SuiviRepository suivi;

  public SuiviParcours(SuiviRepository suivi) {
    this.suivi = suivi;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers();
    if (handlers == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(gestionnaire)));
    } else {
      handlers.add(gestionnaire);
    }
  }

  void handleEvent(HistoryEvent evenement) {
    if (evenement instanceof HistoricVariableUpdateEventEntity variable) {
      variable(variable);
    } else if (evenement instanceof HistoricActivityInstanceEventEntity activite) {
      activite(activite);
    }
  }

  void handleEvents(List<HistoryEvent> evenements) {
    evenements.forEach(this::handleEvent);
  }

  private void variable(HistoricVariableUpdateEventEntity variable) {
    if (variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
      return;
    }
    String nom = variable.getVariableName();
    // called processes keep their own copy of the status; the dossier's instance tells its story
    if (StatutDossier.VARIABLE.equals(nom)
        && OuvertureDossier.PROCESSUS_PARCOURS.equals(variable.getProcessDefinitionKey())
        && variable.getTextValue() != null) {
      suivi.passerStatut(variable.getProcessInstanceId(), variable.getTenantId(), variable.getTextValue(),
          variable.getTimestamp().toInstant());
    } else if ("repartition".equals(nom) || "fraisThr".equals(nom)) {
      byte[] json = variable.getByteValue();
      if (json != null) {
        suivi.enregistrerMontants(racine(variable), nom, json);
      }
    }
  }

  private void activite(HistoricActivityInstanceEventEntity activite) {
    String racine = racine(activite);
    if (activite.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START)) {
      Delai.attendu(activite.getActivityId()).ifPresent(delai -> suivi.ouvrirDelai(activite.getActivityInstanceId(),
          racine, activite.getTenantId(), delai, activite.getStartTime().toInstant()));
      // the 11 working days are exceeded as soon as the élu is told so
      Delai.depasse(activite.getActivityId()).filter(d -> d == Delai.ONZE_JOURS)
          .ifPresent(delai -> suivi.depasserDelai(racine, delai, activite.getStartTime().toInstant()));
    } else if (activite.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
      Delai.attendu(activite.getActivityId()).ifPresent(delai -> suivi.fermerDelai(activite.getActivityInstanceId(),
          activite.getEndTime().toInstant()));
      // a timer that ends without being cancelled has fired
      Delai.depasse(activite.getActivityId()).filter(d -> d != Delai.ONZE_JOURS && !activite.isCanceled())
          .ifPresent(delai -> suivi.depasserDelai(racine, delai, activite.getEndTime().toInstant()));
    }
  }

  private static String racine(HistoryEvent evenement) {
    return evenement.getRootProcessInstanceId() != null ? evenement.getRootProcessInstanceId()
        : evenement.getProcessInstanceId();
  }
}
