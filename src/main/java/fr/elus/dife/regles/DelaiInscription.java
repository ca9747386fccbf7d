package fr.elus.dife.regles;

import java.time.LocalDate;

/**
 * R6: at least 11 working days strictly between the organisme's acceptance of
 * the proposal and the start of the training, or the DIFE cannot be used.
 */
public record DelaiInscription(int joursOuvres, boolean mobilisable, LocalDate dateLimiteAcceptation) {

  public static final int JOURS_OUVRES_REQUIS = 11;

  public static DelaiInscription calculer(LocalDate acceptation, LocalDate debut, String departement) {
    int joursOuvres = CalendrierOuvre.joursOuvresEntre(acceptation, debut, departement);
    return new DelaiInscription(joursOuvres, joursOuvres >= JOURS_OUVRES_REQUIS,
        dateLimiteAcceptation(debut, departement));
  }

  /** The latest calendar day (a weekend day possibly) whose acceptance still leaves 11 working days. */
  public static LocalDate dateLimiteAcceptation(LocalDate debut, String departement) {
    return CalendrierOuvre.ajouterJoursOuvres(debut, -JOURS_OUVRES_REQUIS, departement).minusDays(1);
  }

  /**
   * The élu's last day to confirm the registration on MCF: the working days of the
   * reported MCF rule after the organisme's acceptance, and never the training's first
   * day (R6: validated before the start), whichever comes first.
   */
  public static LocalDate dateLimiteValidation(LocalDate acceptation, int joursOuvres, LocalDate debut,
      String departement) {
    LocalDate limite = CalendrierOuvre.ajouterJoursOuvres(acceptation, joursOuvres, departement);
    LocalDate veille = debut.minusDays(1);
    return limite.isAfter(veille) ? veille : limite;
  }
}
