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
 * @param rappelValidationJoursOuvres working days before the élu's last day to validate when the élu is reminded
 * @param reponseOrganisme working days the organisme has to answer, dated: the latest in force applies
 * @param suiviFaceAFaceJoursOuvres working days without the face-to-face verification before the conseiller follows up
 * @param relancesCourrier weekly postal reminders after which the superviseurs take the dossier
 * @param acceptationProposition working days the élu has to accept the organisme's proposal, dated by the
 *     proposal's acceptance
 */
@ConfigurationProperties("dife.delais")
public record DelaisProperties(Duration relanceCdc, Integer rappelValidationJoursOuvres,
    List<DelaiDate> reponseOrganisme, Integer suiviFaceAFaceJoursOuvres, Integer relancesCourrier,
    List<DelaiDate> acceptationProposition) {

  /** A delay in working days, in force from a date. */
  public record DelaiDate(LocalDate depuis, int joursOuvres) {
  }

  public static final DelaisProperties PAR_DEFAUT = new DelaisProperties(null, null, null, null, null, null);

  public DelaisProperties {
    relanceCdc = relanceCdc == null ? Duration.ofDays(14) : relanceCdc;
    rappelValidationJoursOuvres = rappelValidationJoursOuvres == null ? 1 : rappelValidationJoursOuvres;
    reponseOrganisme = reponseOrganisme == null || reponseOrganisme.isEmpty()
        ? List.of(new DelaiDate(LocalDate.of(2022, 1, 1), 2)) : List.copyOf(reponseOrganisme);
    suiviFaceAFaceJoursOuvres = suiviFaceAFaceJoursOuvres == null ? 10 : suiviFaceAFaceJoursOuvres;
    relancesCourrier = relancesCourrier == null ? 4 : relancesCourrier;
    acceptationProposition = acceptationProposition == null || acceptationProposition.isEmpty()
        ? List.of(new DelaiDate(LocalDate.of(2022, 1, 1), 4)) : List.copyOf(acceptationProposition);
    if (suiviFaceAFaceJoursOuvres < 1 || relancesCourrier < 1) {
      throw new IllegalArgumentException("dife.delais.suivi-face-a-face-jours-ouvres et dife.delais.relances-courrier "
          + "doivent valoir au moins 1");
    }
  }
}
