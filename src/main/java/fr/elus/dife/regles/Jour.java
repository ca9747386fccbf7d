package fr.elus.dife.regles;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A calendar day given by a person or a system (AAAA-MM-JJ), within the years the
 * journey can concern: births since 1900, trainings and answers until 2100. Out of
 * these, the date is a typo, and the calendar would only count days for nothing.
 */
public final class Jour {

  public static final LocalDate PREMIER = LocalDate.of(1900, 1, 1);
  public static final LocalDate DERNIER = LocalDate.of(2100, 12, 31);

  private static final DateTimeFormatter FRANCAIS = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Jour() {
  }

  /** The day as a French reader writes it: 01/12/2026. */
  public static String enFrancais(LocalDate jour) {
    return jour.format(FRANCAIS);
  }

  /** "2026-03-02"; null or blank is refused as missing. */
  public static LocalDate lire(String saisie) {
    if (saisie == null || saisie.isBlank()) {
      throw new SaisieRefusee("est obligatoire (date au format AAAA-MM-JJ)");
    }
    String texte = saisie.strip();
    LocalDate date;
    try {
      // ten characters: the ISO form only, never the signed years of java.time
      date = texte.length() == 10 ? LocalDate.parse(texte) : null;
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      throw new SaisieRefusee("doit être une date au format AAAA-MM-JJ");
    }
    return verifier(date);
  }

  public static LocalDate verifier(LocalDate date) {
    if (date.isBefore(PREMIER) || date.isAfter(DERNIER)) {
      throw new SaisieRefusee("doit être une date entre " + PREMIER + " et " + DERNIER);
    }
    return date;
  }

  /** A day that is not after today (a date of posting, of acceptance, of validation). */
  public static LocalDate passeOuDuJour(String saisie, LocalDate aujourdhui) {
    LocalDate date = lire(saisie);
    if (date.isAfter(aujourdhui)) {
      throw new SaisieRefusee("ne peut pas être une date dans le futur");
    }
    return date;
  }
}
