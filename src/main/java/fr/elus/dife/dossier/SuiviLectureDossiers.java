package fr.elus.dife.dossier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the list columns of dife_dossier up to date: every history event of a
 * dossier's processes (status, task, timer, message) marks its dife-parcours
 * instance, and once the transaction has committed the row is refreshed, once, in a
 * short transaction of its own: the refresh never holds the engine's locks longer,
 * nor makes the dossier's own work fail. The caller's request returns after it.
 */
@Component
public class SuiviLectureDossiers extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private static final Object CLE = SuiviLectureDossiers.class;
  private static final Logger LOG = LoggerFactory.getLogger(SuiviLectureDossiers.class);

  // the plugin is built before the engine, the reader needs the engine's services
  private final ObjectProvider<LectureDossiers> lecture;

  public SuiviLectureDossiers(ObjectProvider<LectureDossiers> lecture) {
    this.lecture = lecture;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> gestionnaires = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    gestionnaires.add(this);
    configuration.setCustomHistoryEventHandlers(gestionnaires);
  }

  @Override
  public void handleEvent(HistoryEvent evenement) {
    String racine = evenement.getRootProcessInstanceId();
    if (racine == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> marquees = (Set<String>) TransactionSynchronizationManager.getResource(CLE);
    if (marquees == null) {
      Set<String> nouvelles = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(CLE, nouvelles);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          List.copyOf(nouvelles).forEach(instance -> {
            try {
              lecture.getObject().actualiser(instance);
            } catch (RuntimeException e) {
              // the dossier's own work is committed; its list row catches up at its next event
              LOG.warn("Colonnes de lecture du dossier de l'instance {} non rafraîchies : {}", instance, e.toString());
            }
          });
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CLE);
        }
      });
      marquees = nouvelles;
    }
    marquees.add(racine);
  }

  @Override
  public void handleEvents(List<HistoryEvent> evenements) {
    evenements.forEach(this::handleEvent);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void completer() {
    lecture.getObject().completerLesLignesJamaisLues();
  }
}
