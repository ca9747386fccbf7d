package fr.elus.dife.parcours;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The complement sent back to the CDC is quoted in the email: it must say something. */
@Component("enregistrerPiecesCdc")
public class EnregistrerPiecesCdcListener implements TaskListener {

  @Override
  public void notify(DelegateTask tache) {
    new Saisie(tache).texte("piecesEnvoyees");
  }
}
