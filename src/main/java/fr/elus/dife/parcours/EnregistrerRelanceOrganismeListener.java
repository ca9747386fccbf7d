package fr.elus.dife.parcours;

import fr.elus.dife.regles.PropositionOrganisme;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** After the organisme's answer delay: wait more, record the proposal received, or give the request up. */
@Component("enregistrerRelanceOrganisme")
public class EnregistrerRelanceOrganismeListener implements TaskListener {

  private final Clock horloge;

  public EnregistrerRelanceOrganismeListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    if (!saisie.choix("issueRelanceOrganisme", "ATTENDRE", "PROPOSITION_RECUE", "DEMANDE_CADUQUE")
        .equals("PROPOSITION_RECUE")) {
      return;
    }
    PropositionOrganisme proposition = saisie.sessionProposee(LocalDate.now(horloge));
    tache.setVariable("coutFormation", proposition.coutFormation().toPlainString());
    tache.setVariable("codeInseeLieuFormation", proposition.codeInseeLieu());
  }
}
