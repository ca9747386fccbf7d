package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The app is installed and the élu chose a security code: recorded as done, the code
 * never. Or FranceConnect+ cannot be created (R6): the error, in the élu's words, goes
 * to the CDC. A client that names no outcome means the activation, as before.
 */
@Component("enregistrerActivationApplication")
public class EnregistrerActivationApplicationListener implements TaskListener {

  static final String ACTIVEE = "APPLICATION_ACTIVEE";
  static final String ECHEC_FRANCECONNECT = "ECHEC_FRANCECONNECT";

  private final Clock horloge;

  public EnregistrerActivationApplicationListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    String issue = tache.getVariable("issueActivation") == null ? ACTIVEE
        : saisie.choix("issueActivation", ACTIVEE, ECHEC_FRANCECONNECT);
    tache.setVariable("issueActivation", issue);
    if (issue.equals(ECHEC_FRANCECONNECT)) {
      tache.setVariable("descriptionErreur", saisie.texte("descriptionErreur"));
      return;
    }
    if (!Boolean.TRUE.equals(tache.getVariable("applicationActivee"))) {
      throw Saisie.invalide("applicationActivee", "doit être coché : l'élu doit avoir installé l'application et choisi son code");
    }
    saisie.datePasseeOuDuJour("dateActivation", LocalDate.now(horloge));
    tache.setVariable("identiteNumerique", true);
  }
}
