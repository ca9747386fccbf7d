package fr.elus.dife.parcours;

import fr.elus.dife.regles.Jour;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The collectivity's answer, within its cap (75 % of the cost and the rest), and the final split;
 * asked by a letter (no email address at the choice), the day it was posted too.
 */
@Component("enregistrerContributionCollectivite")
public class EnregistrerContributionCollectiviteListener implements TaskListener {

  private final Clock horloge;

  public EnregistrerContributionCollectiviteListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    if (tache.getVariable("courrierCollectivite") != null) {
      LocalDate poste = saisie.datePasseeOuDuJour("dateEnvoiCourrierCollectivite", LocalDate.now(horloge));
      tache.setVariable("dateEnvoiCourrierCollectivite", poste.toString());
      tache.setVariable("demandeCollectivite", "courrier posté le " + Jour.enFrancais(poste));
    }
    BigDecimal contribution = BigDecimal.ZERO;
    if (saisie.oui("reponseCollectivite")) {
      contribution = saisie.montant("contributionCollectiviteAccordee");
      BigDecimal plafond = new BigDecimal((String) tache.getVariable("plafondCollectivite"));
      if (contribution.compareTo(plafond) > 0) {
        throw Saisie.invalide("contributionCollectiviteAccordee", "ne peut pas dépasser "
            + plafond.toPlainString() + " € : 75 % du coût au plus, et pas plus que le reste à payer");
      }
    }
    tache.setVariable("partCollectivite", tache.getVariable("collectiviteNom")
        + " a répondu à la demande de contribution");
    RepartitionDuDossier.calculer(tache, contribution);
  }
}
