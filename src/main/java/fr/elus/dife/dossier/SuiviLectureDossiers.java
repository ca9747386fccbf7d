package fr.elus.dife.dossier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the list rows of dife_dossier_lecture true: every history event of a dossier's
 * processes (status, task, timer, message) marks its dife-parcours instance, and just
 * before the transaction commits (the engine has flushed, the dossier row exists) its
 * row is refreshed once, in the same transaction and on the same connection: the list
 * never disagrees with a committed engine state, and no second connection is taken.
 */
@Component
public class SuiviLectureDossiers extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private static final Object CLE = SuiviLectureDossiers.class;

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
        public void beforeCommit(boolean readOnly) {
          List.copyOf(nouvelles).forEach(lecture.getObject()::actualiser);
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
