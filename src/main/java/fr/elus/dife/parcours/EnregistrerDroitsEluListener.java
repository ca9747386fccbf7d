package fr.elus.dife.parcours;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R4: does the compte Élu show, and with what amount (the dossier's droitsDife is updated). */
@Component("enregistrerDroitsElu")
public class EnregistrerDroitsEluListener implements TaskListener {

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    boolean visibles = saisie.oui("reponseDroitsVisibles");
    tache.setVariable("droitsVisibles", visibles);
    if (visibles) {
      BigDecimal droits = saisie.montant("montantDroitsLu");
      tache.setVariable("droitsDife", droits.toPlainString());
    }
  }
}
