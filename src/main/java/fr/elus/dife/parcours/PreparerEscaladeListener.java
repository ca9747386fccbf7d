package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** At the start of dife-escalade-cdc: checks the motive and dates the escalation (for the reminders). */
@Component("preparerEscalade")
public class PreparerEscaladeListener implements ExecutionListener {

  private final Clock horloge;

  public PreparerEscaladeListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateExecution execution) {
    MotifEscalade motif = MotifEscalade.valueOf((String) execution.getVariable("motifEscalade"));
    execution.setVariable("libelleMotifEscalade", motif.libelle());
    execution.setVariable("dateEscalade", LocalDate.now(horloge).toString());
  }
}
