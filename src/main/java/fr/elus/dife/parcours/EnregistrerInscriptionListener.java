package fr.elus.dife.parcours;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R6: the registration dossier was sent, or MCF / FranceConnect+ failed and the CDC must be told why. */
@Component("enregistrerInscription")
public class EnregistrerInscriptionListener implements TaskListener {

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    String issue = saisie.choix("issueInscription", "DOSSIER_ENVOYE", "ECHEC_FRANCECONNECT", "ERREUR_MCF");
    if (!issue.equals("DOSSIER_ENVOYE")) {
      saisie.texte("descriptionErreur");
    }
  }
}
