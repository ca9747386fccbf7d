package fr.elus.dife.dossier;

import fr.elus.dife.regles.Nir;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) that identify an élu for the duplicate check without
 * keeping the NIR: without the key, a hash cannot be tried against the 10^13 NIRs.
 */
@Component
public class ProtectionIdentite {

  private static final String ALGORITHME = "HmacSHA256";
  static final int LONGUEUR_MIN_CLE = 32;

  private final SecretKeySpec cle;

  public ProtectionIdentite(@Value("${dife.nir.cle-hachage}") String cleHachage) {
    if (cleHachage == null || cleHachage.length() < LONGUEUR_MIN_CLE) {
      throw new IllegalStateException("dife.nir.cle-hachage (variable DIFE_NIR_CLE) doit contenir au moins "
          + LONGUEUR_MIN_CLE + " caractères.");
    }
    this.cle = new SecretKeySpec(cleHachage.getBytes(StandardCharsets.UTF_8), ALGORITHME);
  }

  public String cleNir(Nir nir) {
    return hacher("NIR:" + nir.valeur());
  }

  /** Same élu whatever the accents, case and spacing of the names. */
  public String cleEtatCivil(String nomNaissance, String prenoms, LocalDate dateNaissance) {
    return hacher("ETAT_CIVIL:" + normaliser(nomNaissance) + "|" + normaliser(prenoms) + "|" + dateNaissance);
  }

  private static String normaliser(String texte) {
    String sansAccents = Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return sansAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").strip();
  }

  private String hacher(String texte) {
    try {
      Mac mac = Mac.getInstance(ALGORITHME);
      mac.init(cle);
      return HexFormat.of().formatHex(mac.doFinal(texte.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 indisponible", e);
    }
  }
}
