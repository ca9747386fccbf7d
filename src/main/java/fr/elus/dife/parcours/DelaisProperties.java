package fr.elus.dife.parcours;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * dife.delais.*, bound at start (a wrong value stops the start, not a timer months
 * later); an absent value takes the default given here, the one place for it.
 *
 * @param relanceCdc no answer from the CDC after this: a reminder and the superviseurs
 * @param rappelValidationJoursOuvres working days before the training's start when the élu is reminded
 * @param reponseOrganisme working days the organisme has to answer, dated: the latest in force applies
 */
@ConfigurationProperties("dife.delais")
public record DelaisProperties(Duration relanceCdc, Integer rappelValidationJoursOuvres,
    List<DelaiDate> reponseOrganisme) {

  /** A delay in working days, in force from a date. */
  public record DelaiDate(LocalDate depuis, int joursOuvres) {
  }

  public static final DelaisProperties PAR_DEFAUT = new DelaisProperties(null, null, null);

  public DelaisProperties {
    relanceCdc = relanceCdc == null ? Duration.ofDays(14) : relanceCdc;
    rappelValidationJoursOuvres = rappelValidationJoursOuvres == null ? 3 : rappelValidationJoursOuvres;
    reponseOrganisme = reponseOrganisme == null || reponseOrganisme.isEmpty()
        ? List.of(new DelaiDate(LocalDate.of(2022, 1, 1), 2)) : List.copyOf(reponseOrganisme);
  }
}
