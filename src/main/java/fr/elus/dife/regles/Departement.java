package fr.elus.dife.regles;

import java.util.regex.Pattern;

/** A French department number as the calendar takes it: 01–95, 2A, 2B, 971–976. */
public final class Departement {

  private static final Pattern FORME = Pattern.compile("\\d{2}|2[AB]|97[1-6]");

  private Departement() {
  }

  /** The department, null when none is given (metropolitan France), or refused. */
  public static String lire(String saisie) {
    if (saisie == null || saisie.isBlank()) {
      return null;
    }
    String departement = saisie.strip().toUpperCase();
    if (!FORME.matcher(departement).matches()) {
      throw new SaisieRefusee("doit être un numéro de département (45, 2A, 974…)");
    }
    return departement;
  }
}
