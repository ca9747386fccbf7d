package fr.elus.dife.parcours;

import fr.elus.dife.regles.Jour;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The claim's follow-up after the élu got the amounts: filed on MCF on a date (not before
 * the amounts were sent), then
 * paid by the CDC on a date with an amount, whose difference from the claimed total
 * stays in the dossier (ecartFraisThr, paid minus claimed).
 */
@Component("enregistrerSuiviFraisThr")
public class EnregistrerSuiviFraisThrListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(EnregistrerSuiviFraisThrListener.class);

  private final Clock horloge;

  public EnregistrerSuiviFraisThrListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    LocalDate aujourdhui = LocalDate.now(horloge);
    String reference = tache.getExecution().getProcessBusinessKey();
    if ("Tache_EnregistrerDepotFraisThr".equals(tache.getTaskDefinitionKey())) {
      LocalDate depot = saisie.datePasseeOuDuJour("dateDepotFraisThr", aujourdhui);
      LocalDate envoi = Jour.lire((String) tache.getVariable("dateEnvoiFraisThr"));
      if (depot.isBefore(envoi)) {
        throw Saisie.invalide("dateDepotFraisThr", "ne peut précéder l'envoi des montants à l'élu (" + envoi + ")");
      }
      tache.setVariable("dateDepotFraisThr", depot.toString());
      LOG.info("Dossier {} : demande de frais THR déposée sur MCF le {}", reference, depot);
      return;
    }
    LocalDate paiement = saisie.datePasseeOuDuJour("datePaiementFraisThr", aujourdhui);
    LocalDate depot = Jour.lire((String) tache.getVariable("dateDepotFraisThr"));
    if (paiement.isBefore(depot)) {
      throw Saisie.invalide("datePaiementFraisThr", "ne peut précéder le dépôt de la demande (" + depot + ")");
    }
    BigDecimal paye = saisie.montant("montantPayeFraisThr");
    BigDecimal demande = new BigDecimal(String.valueOf(((Map<?, ?>) tache.getVariable("fraisThr")).get("total")));
    tache.setVariable("datePaiementFraisThr", paiement.toString());
    tache.setVariable("montantPayeFraisThr", paye.toPlainString());
    tache.setVariable("ecartFraisThr", paye.subtract(demande).toPlainString());
    LOG.info("Dossier {} : frais THR remboursés le {} ({} € pour {} € demandés)", reference, paiement, paye, demande);
  }
}
