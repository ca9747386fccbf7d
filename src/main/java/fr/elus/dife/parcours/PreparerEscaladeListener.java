package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At the start of dife-escalade-cdc: checks the motive and dates the escalation (for
 * the reminders); the élu's email names the CDC's address, where the élu sends the
 * identity pieces himself (R6).
 */
@Component("preparerEscalade")
public class PreparerEscaladeListener implements ExecutionListener {

  private final Clock horloge;
  private final String adresseCdc;

  public PreparerEscaladeListener(Clock horloge, @Value("${dife.cdc.email}") String adresseCdc) {
    this.horloge = horloge;
    this.adresseCdc = adresseCdc;
  }

  @Override
  public void notify(DelegateExecution execution) {
    MotifEscalade motif = MotifEscalade.valueOf((String) execution.getVariable("motifEscalade"));
    execution.setVariable("libelleMotifEscalade", motif.libelle());
    execution.setVariable("dateEscalade", LocalDate.now(horloge).toString());
    execution.setVariable("adresseCdc", adresseCdc);
  }
}
