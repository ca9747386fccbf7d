package fr.elus.dife.parcours;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Durations of the journey's timers that an association may change (ISO-8601), as ${delais.…}. */
@Component("delais")
public class DelaisParcours {

  private final String relanceCdc;

  public DelaisParcours(@Value("${dife.delais.relance-cdc}") String relanceCdc) {
    // parsed here so that a wrong value stops the start, not a timer months later
    Duration.parse(relanceCdc);
    this.relanceCdc = relanceCdc;
  }

  /** The CDC answers within two weeks at most (R6, R9); past it, a reminder and the superviseurs. */
  public String getRelanceCdc() {
    return relanceCdc;
  }
}
