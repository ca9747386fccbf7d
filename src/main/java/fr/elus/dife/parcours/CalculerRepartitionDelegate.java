package fr.elus.dife.parcours;

import fr.elus.dife.regles.Repartition;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The split before asking the collectivity: does anything remain after the DIFE, and how much may it give. */
@Component("calculerRepartition")
public class CalculerRepartitionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Repartition repartition = RepartitionDuDossier.calculer(execution, BigDecimal.ZERO);
    execution.setVariable("resteAPayer", !repartition.difeCouvreTout());
    execution.setVariable("plafondCollectivite", repartition.plafondCollectivite().toPlainString());
  }
}
