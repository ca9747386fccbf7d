package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Delays of the journey's timers that an association may change (dife.delais.*),
 * as ${delais.…}. Those that MCF may change are dated: the one in force today applies.
 */
@Component("delais")
public class DelaisParcours {

  /** A delay in working days, in force from a date. */
  public record DelaiDate(LocalDate depuis, int joursOuvres) {
  }

  private final String relanceCdc;
  private final int rappelValidation;
  private final List<DelaiDate> reponseOrganisme;
  private final Clock horloge;

  public DelaisParcours(Environment configuration, Clock horloge) {
    Binder binder = Binder.get(configuration);
    this.relanceCdc = binder.bind("dife.delais.relance-cdc", String.class).orElse("P14D");
    // parsed now so that a wrong value stops the start, not a timer months later
    Duration.parse(relanceCdc);
    this.rappelValidation = binder.bind("dife.delais.rappel-validation-jours-ouvres", Integer.class).orElse(3);
    this.reponseOrganisme = binder.bind("dife.delais.reponse-organisme", Bindable.listOf(DelaiDate.class))
        .orElse(List.of(new DelaiDate(LocalDate.of(2022, 1, 1), 2)));
    this.horloge = horloge;
  }

  /** The CDC answers within two weeks at most (R6, R9); past it, a reminder and the superviseurs. */
  public String getRelanceCdc() {
    return relanceCdc;
  }

  /** Working days before the training's start when the élu is reminded to validate. */
  public int getRappelValidation() {
    return rappelValidation;
  }

  /** Working days the organisme has to answer a registration request (reported MCF rule), as of today. */
  public int getReponseOrganisme() {
    LocalDate aujourdhui = LocalDate.now(horloge);
    return reponseOrganisme.stream().filter(d -> !d.depuis().isAfter(aujourdhui))
        .max(Comparator.comparing(DelaiDate::depuis))
        .orElseThrow(() -> new IllegalStateException("Aucun délai de réponse de l'organisme en vigueur le " + aujourdhui))
        .joursOuvres();
  }
}
