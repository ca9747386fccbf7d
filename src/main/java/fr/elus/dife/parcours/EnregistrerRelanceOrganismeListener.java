package fr.elus.dife.parcours;

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
    LocalDate acceptation = saisie.datePasseeOuDuJour("dateAcceptation", LocalDate.now(horloge));
    LocalDate debut = saisie.date("dateDebutFormation");
    if (debut.isBefore(acceptation)) {
      throw Saisie.invalide("dateDebutFormation", "le début ne peut pas précéder l'acceptation.");
    }
    if (saisie.date("dateFinFormation").isBefore(debut)) {
      throw Saisie.invalide("dateFinFormation", "la fin ne peut pas précéder le début.");
    }
    tache.setVariable("coutFormation", saisie.montant("coutFormation").toPlainString());
    tache.setVariable("codeInseeLieuFormation", saisie.codeInsee("codeInseeLieuFormation"));
  }
}
