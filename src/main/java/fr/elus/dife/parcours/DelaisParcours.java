package fr.elus.dife.parcours;

import fr.elus.dife.parcours.DelaisProperties.DelaiDate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * Delays of the journey's timers that an association may change (dife.delais.*),
 * as ${delais.…}. Those that MCF may change are dated: the one in force today applies.
 */
@Component("delais")
public class DelaisParcours {

  private final DelaisProperties delais;
  private final Clock horloge;

  public DelaisParcours(DelaisProperties delais, Clock horloge) {
    this.delais = delais;
    this.horloge = horloge;
  }

  /** The CDC answers within two weeks at most (R6, R9); past it, a reminder and the superviseurs (ISO-8601). */
  public String getRelanceCdc() {
    return delais.relanceCdc().toString();
  }

  /** Working days before the training's start when the élu is reminded to validate. */
  public int getRappelValidation() {
    return delais.rappelValidationJoursOuvres();
  }

  /** Working days the organisme has to answer a registration request (reported MCF rule), as of today. */
  public int getReponseOrganisme() {
    LocalDate aujourdhui = LocalDate.now(horloge);
    return delais.reponseOrganisme().stream().filter(d -> !d.depuis().isAfter(aujourdhui))
        .max(Comparator.comparing(DelaiDate::depuis))
        .orElseThrow(() -> new IllegalStateException("Aucun délai de réponse de l'organisme en vigueur le " + aujourdhui))
        .joursOuvres();
  }
}
