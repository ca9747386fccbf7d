package fr.elus.dife.parcours;

import fr.elus.dife.regles.PlafondDife;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R4: does the compte Élu show, and with what amount (the dossier's droitsDife is updated).
 * An amount above the cap is kept with its warning, which the form also shows as it is typed.
 */
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
      PlafondDife.avertissement(droits, "lus sur Mon Compte Formation").ifPresentOrElse(
          avertissement -> tache.setVariable("avertissementDroits", avertissement),
          () -> tache.removeVariable("avertissementDroits"));
    }
  }
}
