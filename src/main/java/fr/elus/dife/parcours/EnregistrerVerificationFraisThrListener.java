package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The conseiller's check of the frais THR before the claim email leaves: send it (the
 * day is kept: the élu cannot file on MCF before), or correct the declaration.
 */
@Component("enregistrerVerificationFraisThr")
public class EnregistrerVerificationFraisThrListener implements TaskListener {

  private final Clock horloge;

  public EnregistrerVerificationFraisThrListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    String decision = new Saisie(tache).choix("decisionFraisThr", "ENVOYER", "CORRIGER");
    tache.setVariable("decisionFraisThr", decision);
    if ("ENVOYER".equals(decision)) {
      tache.setVariable("dateEnvoiFraisThr", LocalDate.now(horloge).toString());
    }
  }
}
