package fr.elus.dife.parcours;

import fr.elus.dife.regles.Jour;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The training starts and the collectivity never answered: its share is 0 €, so that the élu
 * knows what is left to pay and the dossier does not wait for an answer that no longer matters.
 */
@Component("enregistrerSansReponseCollectivite")
public class EnregistrerSansReponseCollectiviteListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(EnregistrerSansReponseCollectiviteListener.class);

  private final Clock horloge;

  public EnregistrerSansReponseCollectiviteListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String jour = Jour.enFrancais(LocalDate.now(horloge));
    Object demande = execution.getVariable("demandeCollectivite");
    execution.setVariable("demandeCollectivite",
        (demande == null ? "" : demande + " ; ") + "sans réponse au début de la formation, le " + jour);
    execution.setVariable("partCollectivite", execution.getVariable("collectiviteNom")
        + " n'a pas répondu à la demande de contribution avant le début de la formation : sa part est comptée à 0 €");
    RepartitionDuDossier.calculer(execution, BigDecimal.ZERO);
    LOG.info("Dossier {} : sans réponse de la collectivité au {}, part comptée à 0 €", execution.getBusinessKey(), jour);
  }
}
