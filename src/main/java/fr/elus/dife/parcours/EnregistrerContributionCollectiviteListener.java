package fr.elus.dife.parcours;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The collectivity's answer, within its cap (75 % of the cost and the rest), and the final split. */
@Component("enregistrerContributionCollectivite")
public class EnregistrerContributionCollectiviteListener implements TaskListener {

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    BigDecimal contribution = BigDecimal.ZERO;
    if (saisie.oui("reponseCollectivite")) {
      contribution = saisie.montant("contributionCollectiviteAccordee");
      BigDecimal plafond = new BigDecimal((String) tache.getVariable("plafondCollectivite"));
      if (contribution.compareTo(plafond) > 0) {
        throw Saisie.invalide("contributionCollectiviteAccordee", "ne peut pas dépasser "
            + plafond.toPlainString() + " € : 75 % du coût au plus, et pas plus que le reste à payer");
      }
    }
    RepartitionDuDossier.calculer(tache, contribution);
  }
}
