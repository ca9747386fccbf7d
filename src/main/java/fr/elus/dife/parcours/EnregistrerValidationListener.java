package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The élu confirmed the registration on MCF, seen by the conseiller: when. */
@Component("enregistrerValidation")
public class EnregistrerValidationListener implements TaskListener {

  private final Clock horloge;

  public EnregistrerValidationListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    new Saisie(tache).datePasseeOuDuJour("dateValidation", LocalDate.now(horloge));
  }
}
