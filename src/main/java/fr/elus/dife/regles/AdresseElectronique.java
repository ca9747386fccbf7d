package fr.elus.dife.regles;

import java.util.regex.Pattern;

/** An email address as the house accepts it: one @, a dotted domain, no blank, at most 254 characters. */
public final class AdresseElectronique {

  private static final Pattern FORME = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public static final String MOTIF = "doit être une adresse électronique valide";

  private AdresseElectronique() {
  }

  public static boolean estValide(String adresse) {
    return adresse != null && adresse.length() <= 254 && FORME.matcher(adresse).matches();
  }

  /** The address without its surrounding blanks, null when nothing was typed, or refused. */
  public static String lireFacultative(Object saisie) {
    if (saisie == null || saisie.toString().isBlank()) {
      return null;
    }
    String adresse = saisie.toString().strip();
    if (!estValide(adresse)) {
      throw new SaisieRefusee(MOTIF);
    }
    return adresse;
  }
}
