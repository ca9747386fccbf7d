package fr.elus.dife.parcours;

import fr.elus.dife.regles.CalendrierOuvre;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the journey's timers, for BPMN expressions such as
 * {@code <timeDate>${echeances.ar24(dateDemandeAr24)}</timeDate>}: the engine has
 * no working-day calendar, so the rules compute the date in French legal time.
 */
@Component("echeances")
public class Echeances {

  private static final Duration DELAI_AR24 = Duration.ofHours(24);
  private static final LocalTime HEURE_DE_RELANCE = LocalTime.of(9, 0);
  private static final LocalTime FIN_DE_JOURNEE = LocalTime.of(18, 0);

  private final ZoneId fuseau;

  public Echeances(ZoneId fuseau) {
    this.fuseau = fuseau;
  }

  /** An AR24 online verification is processed within 24 hours, weekends not counted. */
  public Date ar24(Date demande) {
    return Date.from(CalendrierOuvre.ajouterDureeHorsWeekEnd(demande.toInstant().atZone(fuseau), DELAI_AR24).toInstant());
  }

  /** The next moment the La Poste support line answers (now if open). */
  public Date ouvertureSupportLaPoste(Date moment) {
    return Date.from(CalendrierOuvre.prochaineOuvertureSupportLaPoste(moment.toInstant().atZone(fuseau)).toInstant());
  }

  /**
   * n weeks after a date given as "2026-03-02" (a form's date field) or a Date, at
   * 9:00 in Paris, so that the follow-up arrives in working hours.
   */
  public Date semainesApres(Object date, int n) {
    return Date.from(jour(date).plusWeeks(n).atTime(HEURE_DE_RELANCE).atZone(fuseau).toInstant());
  }

  /** n working days before a date (a form's "2026-03-18" or a Date), at 9:00 in Paris. */
  public Date joursOuvresAvant(Object date, int n) {
    return joursOuvresAvantDans(date, n, null);
  }

  /** The same, the department's own holidays (Alsace-Moselle) not counted either. */
  public Date joursOuvresAvantDans(Object date, int n, String departement) {
    return Date.from(CalendrierOuvre.ajouterJoursOuvres(jour(date), -n, departement).atTime(HEURE_DE_RELANCE)
        .atZone(fuseau).toInstant());
  }

  /** The first moment of a day: a training's start, when its validation must be done. */
  public Date debutDuJour(Object date) {
    return Date.from(jour(date).atStartOfDay(fuseau).toInstant());
  }

  /** Midnight after a day: a last day to act (the élu's validation on MCF) is over. */
  public Date finDuDernierJour(Object date) {
    return debutDuJour(jour(date).plusDays(1));
  }

  /** 18:00 on a day: a training's last day is over. */
  public Date finDuJour(Object date) {
    return Date.from(jour(date).atTime(FIN_DE_JOURNEE).atZone(fuseau).toInstant());
  }

  private LocalDate jour(Object date) {
    return date instanceof Date d ? d.toInstant().atZone(fuseau).toLocalDate()
        : LocalDate.parse(date.toString().substring(0, 10));
  }

  /** The same time of day, n working days later (public holidays of the department excluded). */
  public Date joursOuvresApres(Date depart, int n, String departement) {
    var moment = depart.toInstant().atZone(fuseau);
    var jour = CalendrierOuvre.ajouterJoursOuvres(moment.toLocalDate(), n, departement);
    return Date.from(jour.atTime(moment.toLocalTime()).atZone(fuseau).toInstant());
  }
}
