package fr.elus.dife.regles;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jours ouvrés (docs/DOMAIN.md R6, R9): Monday to Friday, minus the French public
 * holidays of any year, with Good Friday and 26 December in Alsace-Moselle.
 * Plain Java, no state: every question is answered for the department asked.
 */
public final class CalendrierOuvre {

  /** French legal time: every day and deadline of the journey is counted in it. */
  public static final ZoneId FUSEAU = ZoneId.of("Europe/Paris");

  private static final Set<String> ALSACE_MOSELLE = Set.of("57", "67", "68");
  private static final Set<MonthDay> FERIES_FIXES = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1),
      MonthDay.of(5, 8), MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11),
      MonthDay.of(12, 25));
  private static final LocalTime OUVERTURE_SUPPORT = LocalTime.of(8, 30);
  /** Above this, a request is surely a typo, and a loop over it would be long for nothing. */
  private static final int JOURS_OUVRES_MAX = 10_000;

  private CalendrierOuvre() {
  }

  /** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
  public static LocalDate paques(int annee) {
    int a = annee % 19;
    int b = annee / 100;
    int c = annee % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int mois = (h + l - 7 * m + 114) / 31;
    int jour = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(annee, mois, jour);
  }

  /** The public holidays of a year; departement may be null (metropolitan France). */
  public static Set<LocalDate> joursFeries(int annee, String departement) {
    Set<LocalDate> feries = new TreeSet<>();
    FERIES_FIXES.forEach(jour -> feries.add(jour.atYear(annee)));
    LocalDate paques = paques(annee);
    feries.add(paques.plusDays(1));   // lundi de Pâques
    feries.add(paques.plusDays(39));  // Ascension
    feries.add(paques.plusDays(50));  // lundi de Pentecôte
    if (estAlsaceMoselle(departement)) {
      feries.add(paques.minusDays(2)); // Vendredi saint
      feries.add(LocalDate.of(annee, 12, 26));
    }
    return feries;
  }

  public static boolean estAlsaceMoselle(String departement) {
    return departement != null && ALSACE_MOSELLE.contains(departement);
  }

  public static boolean estFerie(LocalDate jour, String departement) {
    if (FERIES_FIXES.contains(MonthDay.from(jour))) {
      return true;
    }
    long depuisPaques = ChronoUnit.DAYS.between(paques(jour.getYear()), jour);
    if (depuisPaques == 1 || depuisPaques == 39 || depuisPaques == 50) {
      return true;
    }
    return estAlsaceMoselle(departement)
        && (depuisPaques == -2 || (jour.getMonthValue() == 12 && jour.getDayOfMonth() == 26));
  }

  public static boolean estWeekEnd(LocalDate jour) {
    return jour.getDayOfWeek() == DayOfWeek.SATURDAY || jour.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  public static boolean estOuvre(LocalDate jour, String departement) {
    return !estWeekEnd(jour) && !estFerie(jour, departement);
  }

  /** Working days strictly between the two dates (neither counted); 0 when fin is not after debut + 1. */
  public static int joursOuvresEntre(LocalDate debut, LocalDate fin, String departement) {
    return (int) joursOuvresDans(debut.plusDays(1), fin, departement);
  }

  /**
   * Working days of [du, au): whole weeks give 5 each, the rest is counted, and the
   * holidays falling on a weekday are taken out year by year. Time grows with the
   * number of years, not of days.
   */
  private static long joursOuvresDans(LocalDate du, LocalDate au, String departement) {
    if (!du.isBefore(au)) {
      return 0;
    }
    long semaines = ChronoUnit.DAYS.between(du, au) / 7;
    long nombre = semaines * 5;
    for (LocalDate jour = du.plusWeeks(semaines); jour.isBefore(au); jour = jour.plusDays(1)) {
      if (!estWeekEnd(jour)) {
        nombre++;
      }
    }
    for (int annee = du.getYear(); annee <= au.getYear(); annee++) {
      for (LocalDate ferie : joursFeries(annee, departement)) {
        if (!ferie.isBefore(du) && ferie.isBefore(au) && !estWeekEnd(ferie)) {
          nombre--;
        }
      }
    }
    return nombre;
  }

  /**
   * The n-th working day after the date (n ≥ 1), or before it for n ≤ -1. Jumps by
   * whole weeks while many days remain: a jump of w weeks holds at most 5w working
   * days, and w is taken so that at least one remains, so that the day found is
   * always walked to (a jump could land on a weekend); the last few days are walked.
   */
  public static LocalDate ajouterJoursOuvres(LocalDate depart, int n, String departement) {
    if (n == 0 || Math.abs(n) > JOURS_OUVRES_MAX) {
      throw new IllegalArgumentException("Nombre de jours ouvrés hors limites : " + n);
    }
    int pas = n > 0 ? 1 : -1;
    LocalDate jour = depart;
    long restants = Math.abs(n);
    while (restants > 5) {
      LocalDate saut = jour.plusWeeks(pas * ((restants - 1) / 5));
      restants -= pas > 0 ? joursOuvresDans(jour.plusDays(1), saut.plusDays(1), departement)
          : joursOuvresDans(saut, jour, departement);
      jour = saut;
    }
    while (restants > 0) {
      jour = jour.plusDays(pas);
      if (estOuvre(jour, departement)) {
        restants--;
      }
    }
    return jour;
  }

  /**
   * Adds a duration that runs on weekdays only (AR24: "24 heures, hors week-end"):
   * Friday 15:00 + 24 h is Monday 15:00, Saturday 10:00 + 24 h is Tuesday 00:00.
   * Public holidays are not taken out: the source speaks of weekends only.
   */
  public static ZonedDateTime ajouterDureeHorsWeekEnd(ZonedDateTime depart, Duration duree) {
    LocalDateTime instant = depart.toLocalDateTime();
    Duration restante = duree;
    while (true) {
      if (estWeekEnd(instant.toLocalDate())) {
        instant = instant.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay();
        continue;
      }
      LocalDateTime finDuJour = instant.toLocalDate().plusDays(1).atStartOfDay();
      Duration resteDuJour = Duration.between(instant, finDuJour);
      if (restante.compareTo(resteDuJour) <= 0) {
        return instant.plus(restante).atZone(depart.getZone());
      }
      restante = restante.minus(resteDuJour);
      instant = finDuJour;
    }
  }

  /**
   * When the La Poste support line (09 70 81 00 50) is next open: Monday to Friday
   * 8:30–19:00, Saturday 8:30–13:00, never on a public holiday. The moment itself
   * when it is open.
   */
  public static ZonedDateTime prochaineOuvertureSupportLaPoste(ZonedDateTime moment) {
    for (int jours = 0; jours < 30; jours++) {
      LocalDate jour = moment.toLocalDate().plusDays(jours);
      LocalTime fermeture = fermetureSupportLaPoste(jour);
      if (fermeture == null) {
        continue;
      }
      ZonedDateTime ouverture = jour.atTime(OUVERTURE_SUPPORT).atZone(moment.getZone());
      ZonedDateTime fin = jour.atTime(fermeture).atZone(moment.getZone());
      if (!moment.isBefore(fin)) {
        continue;
      }
      return moment.isAfter(ouverture) ? moment : ouverture;
    }
    throw new IllegalStateException("Aucune ouverture du support La Poste dans les 30 jours suivant " + moment);
  }

  private static LocalTime fermetureSupportLaPoste(LocalDate jour) {
    if (estFerie(jour, null) || jour.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return null;
    }
    return jour.getDayOfWeek() == DayOfWeek.SATURDAY ? LocalTime.of(13, 0) : LocalTime.of(19, 0);
  }
}
