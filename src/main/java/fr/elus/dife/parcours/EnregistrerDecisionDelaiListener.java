package fr.elus.dife.parcours;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The 11-day rule is not met: another session, or the dossier closes without the DIFE. */
@Component("enregistrerDecisionDelai")
public class EnregistrerDecisionDelaiListener implements TaskListener {

  @Override
  public void notify(DelegateTask tache) {
    new Saisie(tache).choix("decisionDelai", "AUTRE_SESSION", "CLORE");
  }
}
