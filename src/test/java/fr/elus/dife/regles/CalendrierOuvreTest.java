package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known dates (checked against an independent Easter computation) and the calendar's laws. */
class CalendrierOuvreTest {

  private static final ZoneId PARIS = CalendrierOuvre.FUSEAU;

  @Test
  void lesJoursFeriesDe2026() {
    assertThat(CalendrierOuvre.joursFeries(2026, "45")).containsExactly(
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 8),
        LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15),
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11), LocalDate.of(2026, 12, 25));
  }

  @Test
  void lesJoursFeriesDe2027EnAlsaceMoselle() {
    assertThat(CalendrierOuvre.joursFeries(2027, "67")).containsExactly(
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 1),
        LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 8), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 7, 14),
        LocalDate.of(2027, 8, 15), LocalDate.of(2027, 11, 1), LocalDate.of(2027, 11, 11), LocalDate.of(2027, 12, 25),
        LocalDate.of(2027, 12, 26));
    assertThat(CalendrierOuvre.joursFeries(2027, "57")).contains(LocalDate.of(2027, 3, 26));
    assertThat(CalendrierOuvre.joursFeries(2027, "68")).contains(LocalDate.of(2027, 12, 26));
    assertThat(CalendrierOuvre.joursFeries(2027, null)).doesNotContain(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 12, 26));
  }

  @ParameterizedTest(name = "Pâques {0} : {1}")
  @CsvSource({"1818,1818-03-22", "1943,1943-04-25", "2000,2000-04-23", "2024,2024-03-31", "2025,2025-04-20",
      "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25", "2100,2100-03-28", "2285,2285-03-22"})
  void paques(int annee, LocalDate dimanche) {
    assertThat(CalendrierOuvre.paques(annee)).isEqualTo(dimanche);
  }

  @ParameterizedTest(name = "{0} → {1} ({2}) : {3}")
  @CsvSource(nullValues = "-", value = {
      "2026-03-02,2026-03-18,-,11",   // Monday to Wednesday two weeks later
      "2026-03-03,2026-03-18,-,10",
      "2026-04-30,2026-05-21,-,11",   // 1 May, 8 May and Ascension between
      "2026-04-30,2026-05-20,-,10",
      "2026-03-20,2026-04-07,45,10",  // Easter Monday
      "2026-03-20,2026-04-07,57,9",   // and Good Friday in Moselle
      "2025-12-24,2025-12-29,-,1",    // 26 December 2025 is a Friday
      "2025-12-24,2025-12-29,68,0",   // a holiday in Haut-Rhin
      "2026-12-24,2027-01-04,-,4",    // across the year end
      "2026-11-24,2026-11-25,-,0",    // consecutive days
      "2026-11-24,2026-11-24,-,0",
      "2026-11-27,2026-11-30,-,0"})   // Friday to Monday
  void joursOuvresStrictementEntre(LocalDate debut, LocalDate fin, String departement, int attendu) {
    assertThat(CalendrierOuvre.joursOuvresEntre(debut, fin, departement)).isEqualTo(attendu);
  }

  @ParameterizedTest(name = "{0} + {1} : {2}")
  @CsvSource({"2026-11-24,1,2026-11-25", "2026-11-27,1,2026-11-30", "2026-12-24,1,2026-12-28",
      "2026-12-31,1,2027-01-04", "2026-04-30,5,2026-05-11", "2026-11-30,-1,2026-11-27", "2026-05-15,-2,2026-05-12"})
  void ajouterDesJoursOuvres(LocalDate depart, int n, LocalDate attendu) {
    assertThat(CalendrierOuvre.ajouterJoursOuvres(depart, n, "45")).isEqualTo(attendu);
  }

  @Test
  void ajouterZeroOuTropDeJoursEstRefuse() {
    assertThatThrownBy(() -> CalendrierOuvre.ajouterJoursOuvres(LocalDate.of(2026, 1, 1), 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CalendrierOuvre.ajouterJoursOuvres(LocalDate.of(2026, 1, 1), 100_000, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "AR24 demandé {0} : dû {1}")
  @CsvSource({
      "2026-11-27T15:00,2026-11-30T15:00",   // Friday afternoon → Monday, same hour
      "2026-11-28T10:00,2026-12-01T00:00",   // Saturday: the clock starts on Monday 0:00
      "2026-11-29T23:00,2026-12-01T00:00",   // Sunday night
      "2026-11-26T10:00,2026-11-27T10:00",   // Thursday → Friday
      "2026-11-27T23:30,2026-11-30T23:30",   // half an hour on Friday, the rest on Monday
      "2026-03-27T12:00,2026-03-30T12:00"})  // across the change to summer time: wall clock kept
  void ar24VingtQuatreHeuresHorsWeekEnd(String demande, String du) {
    ZonedDateTime depart = LocalDateTime.parse(demande).atZone(PARIS);
    assertThat(CalendrierOuvre.ajouterDureeHorsWeekEnd(depart, Duration.ofHours(24)))
        .isEqualTo(LocalDateTime.parse(du).atZone(PARIS));
  }

  @ParameterizedTest(name = "support La Poste, appel {0} : {1}")
  @CsvSource({
      "2026-11-29T10:00,2026-11-30T08:30",   // Sunday → Monday opening
      "2026-11-28T12:00,2026-11-28T12:00",   // Saturday morning: open now
      "2026-11-28T13:00,2026-11-30T08:30",   // Saturday closes at 13:00
      "2026-11-27T19:00,2026-11-28T08:30",   // Friday evening → Saturday
      "2026-11-30T07:00,2026-11-30T08:30",
      "2026-11-30T18:59,2026-11-30T18:59",
      "2026-12-24T20:00,2026-12-26T08:30",   // Christmas closed, Saturday 26 open
      "2026-04-06T09:00,2026-04-07T08:30"})  // Easter Monday closed
  void prochaineOuvertureDuSupportLaPoste(String appel, String ouverture) {
    assertThat(CalendrierOuvre.prochaineOuvertureSupportLaPoste(LocalDateTime.parse(appel).atZone(PARIS)))
        .isEqualTo(LocalDateTime.parse(ouverture).atZone(PARIS));
  }

  // ------------------------------------------------------------- laws, on random dates

  private static final List<String> DEPARTEMENTS = Arrays.asList(null, "45", "79", "57", "67", "68", "2A");

  @Test
  void ajouterPuisCompterRendN_etJamaisUnWeekEndNiUnFerie() {
    Random hasard = new Random(20261124);
    for (int i = 0; i < 2000; i++) {
      LocalDate depart = LocalDate.of(1990, 1, 1).plusDays(hasard.nextInt(365 * 80));
      int n = 1 + hasard.nextInt(60);
      String departement = DEPARTEMENTS.get(hasard.nextInt(DEPARTEMENTS.size()));

      LocalDate arrivee = CalendrierOuvre.ajouterJoursOuvres(depart, n, departement);

      assertThat(CalendrierOuvre.estOuvre(arrivee, departement)).as("%s + %d", depart, n).isTrue();
      assertThat(CalendrierOuvre.estWeekEnd(arrivee)).isFalse();
      assertThat(CalendrierOuvre.joursOuvresEntre(depart, arrivee.plusDays(1), departement)).isEqualTo(n);
      assertThat(CalendrierOuvre.ajouterJoursOuvres(arrivee, -n, departement))
          .as("retour de %s", arrivee).isBeforeOrEqualTo(depart);
    }
  }

  @Test
  void laDateLimiteEstLaDerniereQuiLaisse11JoursOuvres() {
    Random hasard = new Random(11);
    for (int i = 0; i < 1000; i++) {
      LocalDate debut = LocalDate.of(2000, 1, 1).plusDays(hasard.nextInt(365 * 60));
      String departement = DEPARTEMENTS.get(hasard.nextInt(DEPARTEMENTS.size()));

      LocalDate limite = DelaiInscription.dateLimiteAcceptation(debut, departement);

      assertThat(CalendrierOuvre.joursOuvresEntre(limite, debut, departement)).isGreaterThanOrEqualTo(11);
      assertThat(CalendrierOuvre.joursOuvresEntre(limite.plusDays(1), debut, departement)).isLessThan(11);
    }
  }

  @Test
  void unDelaiHorsWeekEndCompteExactementSaDureeEnSemaine() {
    Random hasard = new Random(24);
    for (int i = 0; i < 1000; i++) {
      ZonedDateTime depart = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS)
          .plusMinutes(hasard.nextInt(60 * 24 * 365));
      int heures = 1 + hasard.nextInt(72);

      ZonedDateTime du = CalendrierOuvre.ajouterDureeHorsWeekEnd(depart, Duration.ofHours(heures));

      long minutesEnSemaine = 0;
      for (var t = depart.toLocalDateTime(); t.isBefore(du.toLocalDateTime()); t = t.plusMinutes(1)) {
        if (!CalendrierOuvre.estWeekEnd(t.toLocalDate())) {
          minutesEnSemaine++;
        }
      }
      assertThat(minutesEnSemaine).as("depuis %s", depart).isEqualTo(heures * 60L);
    }
  }

  // ------------------------------------------------------------- counted by weeks, as day by day

  private static int compterJourParJour(LocalDate debut, LocalDate fin, String departement) {
    int nombre = 0;
    for (LocalDate jour = debut.plusDays(1); jour.isBefore(fin); jour = jour.plusDays(1)) {
      nombre += CalendrierOuvre.estOuvre(jour, departement) ? 1 : 0;
    }
    return nombre;
  }

  private static LocalDate ajouterJourParJour(LocalDate depart, int n, String departement) {
    LocalDate jour = depart;
    for (int restants = Math.abs(n); restants > 0; ) {
      jour = jour.plusDays(Integer.signum(n));
      restants -= CalendrierOuvre.estOuvre(jour, departement) ? 1 : 0;
    }
    return jour;
  }

  @Test
  void compterParSemainesDonneLeCompteJourParJour() {
    Random hasard = new Random(20261201);
    for (int i = 0; i < 3000; i++) {
      LocalDate debut = LocalDate.of(1900, 1, 1).plusDays(hasard.nextInt(365 * 200));
      LocalDate fin = debut.plusDays(hasard.nextInt(i % 10 == 0 ? 3000 : 40) - 2);
      String departement = DEPARTEMENTS.get(hasard.nextInt(DEPARTEMENTS.size()));

      assertThat(CalendrierOuvre.joursOuvresEntre(debut, fin, departement)).as("%s → %s (%s)", debut, fin, departement)
          .isEqualTo(compterJourParJour(debut, fin, departement));
    }
  }

  @Test
  void ajouterParSemainesDonneLeJourTrouveJourParJour() {
    Random hasard = new Random(1201);
    for (int i = 0; i < 3000; i++) {
      LocalDate depart = LocalDate.of(1900, 1, 1).plusDays(hasard.nextInt(365 * 200));
      int n = (1 + hasard.nextInt(i % 10 == 0 ? 2000 : 30)) * (hasard.nextBoolean() ? 1 : -1);
      String departement = DEPARTEMENTS.get(hasard.nextInt(DEPARTEMENTS.size()));

      assertThat(CalendrierOuvre.ajouterJoursOuvres(depart, n, departement)).as("%s %+d (%s)", depart, n, departement)
          .isEqualTo(ajouterJourParJour(depart, n, departement));
    }
  }

  /**
   * Two centuries counted, and the largest jump allowed, 200 times each: day by day,
   * this took more than 20 s; by weeks and years, well under a second.
   */
  @Test
  void leCalendrierRepondEnUnTempsQuiNeDependPasDuNombreDeJours() {
    LocalDate premier = LocalDate.of(1900, 1, 1);
    LocalDate dernier = LocalDate.of(2100, 12, 31);
    assertThat(CalendrierOuvre.joursOuvresEntre(premier, dernier, "57"))
        .isEqualTo(compterJourParJour(premier, dernier, "57"));

    long debut = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      CalendrierOuvre.joursOuvresEntre(premier, dernier.minusDays(i), "45");
      CalendrierOuvre.ajouterJoursOuvres(premier.plusDays(i), 10_000, null);
      CalendrierOuvre.ajouterJoursOuvres(dernier.minusDays(i), -10_000, "67");
    }
    assertThat((System.nanoTime() - debut) / 1_000_000).as("millisecondes").isLessThan(3000);
  }
}
