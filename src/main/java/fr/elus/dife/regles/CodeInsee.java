package fr.elus.dife.regles;

import java.util.regex.Pattern;

/**
 * Code officiel géographique of a commune: 5 digits, or 2A/2B and 3 digits in Corsica,
 * and listed in the shipped referentiel (a postal code such as 45000 has the form but
 * names no commune).
 */
public final class CodeInsee {

  private static final Pattern FORME = Pattern.compile("\\d{5}|2[AB]\\d{3}");

  public static final String FORMAT_ATTENDU =
      "un code commune INSEE de 5 caractères (5 chiffres, ou 2A/2B suivi de 3 chiffres pour la Corse)";

  private CodeInsee() {
  }

  public static boolean estValide(String code) {
    return code != null && FORME.matcher(code).matches();
  }

  /** The code, in capitals ("2a004" is Ajaccio's 2A004), of a listed commune, or refused. */
  public static String lire(String saisie) {
    if (saisie == null || saisie.isBlank()) {
      throw new SaisieRefusee("est obligatoire (" + FORMAT_ATTENDU + ")");
    }
    String code = saisie.strip().toUpperCase();
    if (!estValide(code)) {
      throw new SaisieRefusee("doit être " + FORMAT_ATTENDU);
    }
    if (!ReferentielCommunes.officiel().existe(code)) {
      throw new SaisieRefusee("doit être le code INSEE d'une commune du Code officiel géographique : " + code
          + " n'en est pas un (un code postal n'est pas un code commune ; Orléans, par exemple, a le code postal "
          + "45000 et le code commune 45234)");
    }
    return code;
  }
}
