package fr.elus.dife.parcours;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A wait that gave nothing (postal letter never received, CDC silent or refusing):
 * wait again, or close the dossier as CLOS_DIFE_NON_MOBILISE with its reason, which
 * the error carries up to the journey. A client that names no decision waits again,
 * as these tasks did before they could close.
 */
@Component("enregistrerDecisionCloture")
public class EnregistrerDecisionClotureListener implements TaskListener {

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    String decision = tache.getVariable("decisionCloture") == null ? "RELANCER"
        : saisie.choix("decisionCloture", "RELANCER", "CLORE");
    tache.setVariable("decisionCloture", decision);
    if (decision.equals("CLORE")) {
      tache.setVariable("motifCloture", saisie.texte("motifCloture"));
    }
  }
}
