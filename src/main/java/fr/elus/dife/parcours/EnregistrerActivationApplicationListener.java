package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The app is installed and the élu chose a security code: recorded as done, the code never. */
@Component("enregistrerActivationApplication")
public class EnregistrerActivationApplicationListener implements TaskListener {

  private final Clock horloge;

  public EnregistrerActivationApplicationListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    if (!Boolean.TRUE.equals(tache.getVariable("applicationActivee"))) {
      throw Saisie.invalide("applicationActivee", "doit être coché : l'élu doit avoir installé l'application et choisi son code");
    }
    new Saisie(tache).datePasseeOuDuJour("dateActivation", LocalDate.now(horloge));
    tache.setVariable("identiteNumerique", true);
  }
}
