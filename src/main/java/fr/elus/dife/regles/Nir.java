package fr.elus.dife.regles;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numéro d'inscription au répertoire (numéro de sécurité sociale), docs/DOMAIN.md R2:
 * 13 characters (alphanumeric because of Corsica, 2A and 2B) and a 2-digit key.
 * {@link #toString()} never gives the number: instances may end up in logs.
 */
public final class Nir {

  // sex (1, 2, or 3/4/7/8 for temporary numbers), year, month, department, commune, order
  private static final Pattern FORME = Pattern.compile("[1-478]\\d{4}(\\d{2}|2[AB])\\d{6}\\d{2}");
  private static final BigInteger QUATRE_VINGT_DIX_SEPT = BigInteger.valueOf(97);

  private final String valeur;

  private Nir(String valeur) {
    this.valeur = valeur;
  }

  /** The NIR when the text is a valid one (spaces allowed, case ignored), else empty. */
  public static Optional<Nir> lire(String saisie) {
    if (saisie == null) {
      return Optional.empty();
    }
    String normalise = saisie.replace(" ", "").toUpperCase();
    if (!FORME.matcher(normalise).matches()) {
      return Optional.empty();
    }
    int cle = Integer.parseInt(normalise.substring(13));
    if (cle != cleAttendue(normalise.substring(0, 13))) {
      return Optional.empty();
    }
    return Optional.of(new Nir(normalise));
  }

  /** Key of the 13 characters: 97 - (N mod 97), with 2A read as 19 and 2B as 18. */
  static int cleAttendue(String treizeCaracteres) {
    String numerique = treizeCaracteres.substring(0, 5)
        + treizeCaracteres.substring(5, 7).replace("2A", "19").replace("2B", "18")
        + treizeCaracteres.substring(7);
    return 97 - new BigInteger(numerique).mod(QUATRE_VINGT_DIX_SEPT).intValue();
  }

  /** The 15 characters, for hashing only. */
  public String valeur() {
    return valeur;
  }

  /** Shows sex, year and month of birth and the key: "2 71 04 ** *** *** 45". */
  public String masque() {
    return valeur.charAt(0) + " " + valeur.substring(1, 3) + " " + valeur.substring(3, 5)
        + " ** *** *** " + valeur.substring(13);
  }

  @Override
  public String toString() {
    return masque();
  }

  @Override
  public boolean equals(Object autre) {
    return autre instanceof Nir nir && nir.valeur.equals(valeur);
  }

  @Override
  public int hashCode() {
    return valeur.hashCode();
  }
}
