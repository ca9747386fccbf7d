package fr.elus.dife.regles;

import java.math.BigDecimal;

/**
 * A whole count (meals, nights) within the bounds its rule gives. Read from the
 * digits before any conversion: 4294967297 is refused, never wrapped to 1.
 */
public final class Nombre {

  // longer than any number worth reading; the digits themselves are bounded by verifier
  private static final int LONGUEUR_MAX = 40;

  private Nombre() {
  }

  /** A text from a form ("2", " 3 ") or a number given by a parser. */
  public static int lire(Object saisie, int minimum, int maximum) {
    if (saisie == null || saisie.toString().isBlank()) {
      throw new SaisieRefusee("est obligatoire (nombre entier de " + minimum + " à " + maximum + ")");
    }
    if (saisie instanceof BigDecimal nombre) {
      return verifier(nombre, minimum, maximum);
    }
    String texte = saisie.toString().strip();
    try {
      if (texte.length() > LONGUEUR_MAX) {
        throw new NumberFormatException();
      }
      return verifier(new BigDecimal(texte), minimum, maximum);
    } catch (NumberFormatException e) {
      throw new SaisieRefusee("doit être un nombre entier");
    }
  }

  public static int verifier(BigDecimal nombre, int minimum, int maximum) {
    // ten digits at most before the point: beyond, it is out of range whatever its value
    if (nombre.precision() - nombre.scale() > 10) {
      throw horsBornes(minimum, maximum);
    }
    if (nombre.scale() > 0 && nombre.stripTrailingZeros().scale() > 0) {
      throw new SaisieRefusee("doit être un nombre entier");
    }
    long valeur = nombre.longValue();
    if (valeur < minimum || valeur > maximum) {
      throw horsBornes(minimum, maximum);
    }
    return (int) valeur;
  }

  private static SaisieRefusee horsBornes(int minimum, int maximum) {
    return new SaisieRefusee("doit être compris entre " + minimum + " et " + maximum);
  }
}
