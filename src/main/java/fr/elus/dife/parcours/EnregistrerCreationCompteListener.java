package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Checks what the conseiller recorded about the account creation and marks the account as existing. */
@Component("enregistrerCreationCompte")
public class EnregistrerCreationCompteListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(EnregistrerCreationCompteListener.class);

  private final Clock horloge;

  public EnregistrerCreationCompteListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    String mode = saisie.choix("modeCreationCompte", "QUATRE_ETAPES", "FRANCECONNECT");
    LocalDate date = saisie.datePasseeOuDuJour("dateCreationCompte", LocalDate.now(horloge));
    tache.setVariable("compteFormation", true);
    LOG.info("Dossier {} : compte Mon Compte Formation créé le {} ({})",
        tache.getExecution().getProcessBusinessKey(), date, mode);
  }
}
