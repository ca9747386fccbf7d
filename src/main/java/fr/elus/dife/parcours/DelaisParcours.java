package fr.elus.dife.parcours;

import fr.elus.dife.parcours.DelaisProperties.DelaiDate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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

  /** Working days before the élu's last day to validate (dateLimiteValidation) when the élu is reminded. */
  public int getRappelValidation() {
    return delais.rappelValidationJoursOuvres();
  }

  /** Working days the organisme has to answer a registration request (reported MCF rule), as of today. */
  public int getReponseOrganisme() {
    return enVigueur(delais.reponseOrganisme(), LocalDate.now(horloge), "de réponse de l'organisme");
  }

  /** Working days without news of the face-to-face verification before the conseiller follows up. */
  public int getSuiviFaceAFace() {
    return delais.suiviFaceAFaceJoursOuvres();
  }

  /** Weekly postal reminders after which the superviseurs decide. */
  public int getRelancesCourrier() {
    return delais.relancesCourrier();
  }

  /** Working days the élu has to accept a proposal accepted by the organisme on that day (reported MCF rule). */
  public int acceptationProposition(Object dateAcceptation) {
    return enVigueur(delais.acceptationProposition(), LocalDate.parse(dateAcceptation.toString().substring(0, 10)),
        "d'acceptation de la proposition");
  }

  private static int enVigueur(List<DelaiDate> delais, LocalDate jour, String quoi) {
    return delais.stream().filter(d -> !d.depuis().isAfter(jour))
        .max(Comparator.comparing(DelaiDate::depuis))
        .orElseThrow(() -> new IllegalStateException("Aucun délai " + quoi + " en vigueur le " + jour))
        .joursOuvres();
  }
}
