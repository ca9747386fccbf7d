package fr.elus.dife.dossier;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the end of dife-parcours (whatever the end, cancellation included), marks the
 * dossier closed so that the élu may have a new one; in the engine's transaction.
 */
@Component("clotureDossier")
public class ClotureDossierListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ClotureDossierListener.class);

  private final DossierRepository dossiers;
  private final Clock horloge;

  public ClotureDossierListener(DossierRepository dossiers, Clock horloge) {
    this.dossiers = dossiers;
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateExecution execution) {
    dossiers.cloturer(execution.getProcessBusinessKey(), horloge.instant());
    LOG.info("Dossier {} clos", execution.getProcessBusinessKey());
  }
}
