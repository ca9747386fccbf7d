package fr.elus.dife.regles;

import java.math.BigDecimal;

/**
 * An amount in euros as the journey takes it (costs, DIFE rights, contributions):
 * not negative, at most 2 decimals, below ten million. The bounds are checked on
 * the digits alone, before any arithmetic: "1e300000" is refused at once instead
 * of being expanded into 300 000 digits.
 */
public final class Montant {

  /** Up to 9 999 999.99 €: far above any training cost, far below anything costly to compute. */
  public static final int CHIFFRES_ENTIERS_MAX = 7;
  // "9 999 999,99" with spaces and a sign fits; anything longer is not an amount
  private static final int LONGUEUR_MAX = 20;

  static final String EXEMPLE = "par exemple 1200.00";

  private Montant() {
  }

  /**
   * Reads a text ("1200.00", "1 200,5") or a number given by a parser (a JSON
   * number, already a BigDecimal); null or blank is refused as missing.
   */
  public static BigDecimal lire(Object saisie) {
    if (saisie == null || saisie.toString().isBlank()) {
      throw new SaisieRefusee("est obligatoire (montant en euros, " + EXEMPLE + ")");
    }
    if (saisie instanceof BigDecimal nombre) {
      return verifier(nombre);
    }
    String texte = saisie.toString().strip();
    if (texte.length() > LONGUEUR_MAX) {
      throw trop();
    }
    BigDecimal montant;
    try {
      montant = new BigDecimal(texte.replace(',', '.').replaceAll("[\\s\\u00A0\\u202F]", ""));
    } catch (NumberFormatException e) {
      throw new SaisieRefusee("doit être un montant en euros, " + EXEMPLE);
    }
    return verifier(montant);
  }

  /** The amount with 2 decimals, or refused; only precision and scale are looked at before that. */
  public static BigDecimal verifier(BigDecimal montant) {
    if (montant.signum() < 0) {
      throw new SaisieRefusee("ne peut pas être négatif");
    }
    if (montant.precision() - montant.scale() > CHIFFRES_ENTIERS_MAX) {
      throw trop();
    }
    if (montant.scale() > 2 && montant.stripTrailingZeros().scale() > 2) {
      throw new SaisieRefusee("ne peut pas avoir plus de 2 décimales");
    }
    return montant.setScale(2);
  }

  private static SaisieRefusee trop() {
    return new SaisieRefusee("ne peut pas dépasser 9999999.99 € (montant en euros, " + EXEMPLE + ")");
  }
}
