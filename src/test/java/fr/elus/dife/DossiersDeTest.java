package fr.elus.dife;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid requests to open a dossier, each for a different élu, to change one field at a time. */
public final class DossiersDeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NUMERO = new AtomicInteger();
  private static final String LETTRES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private DossiersDeTest() {
  }

  /** A valid NIR never used before in this run. */
  public static String nirValide() {
    ThreadLocalRandom hasard = ThreadLocalRandom.current();
    String treize = String.format("2%02d%02d45%03d%03d", hasard.nextInt(40, 99), hasard.nextInt(1, 13),
        hasard.nextInt(1, 999), NUMERO.incrementAndGet() % 1000);
    int cle = 97 - new BigInteger(treize).mod(BigInteger.valueOf(97)).intValue();
    return treize + String.format("%02d", cle);
  }

  /** A surname of letters only, different at each call. */
  public static String nomUnique() {
    int n = NUMERO.incrementAndGet();
    StringBuilder nom = new StringBuilder("TEST");
    do {
      nom.append(LETTRES.charAt(n % 26));
      n /= 26;
    } while (n > 0);
    return nom.toString() + LETTRES.charAt(ThreadLocalRandom.current().nextInt(26))
        + LETTRES.charAt(ThreadLocalRandom.current().nextInt(26));
  }

  public static ObjectNode demande(boolean compteFormation) {
    ObjectNode corps = JSON.createObjectNode();
    ObjectNode elu = corps.putObject("elu");
    String nom = nomUnique();
    elu.put("nomNaissance", nom);
    elu.put("nomUsage", "DURAND");
    elu.put("prenoms", "Claire Anne");
    elu.put("dateNaissance", "1971-04-12");
    elu.put("lieuNaissance", "Orléans");
    elu.put("nationalite", "FR");
    elu.put("nir", nirValide());
    elu.put("email", nom.toLowerCase() + "@example.org");
    elu.put("telephoneMobile", "0612345678");
    ObjectNode collectivite = elu.putObject("collectivite");
    collectivite.put("nom", "Saint-Jean-de-Braye");
    collectivite.put("codeInsee", "45284");
    elu.put("mandat", "Conseillère municipale");
    ObjectNode situation = corps.putObject("situation");
    situation.put("compteFormation", compteFormation);
    situation.put("identiteNumerique", false);
    ObjectNode smartphone = situation.putObject("smartphone");
    smartphone.put("os", "ANDROID");
    smartphone.put("version", "13");
    situation.put("pieceIdentiteFrancaiseValide", true);
    situation.put("cameraEtMicro", true);
    situation.put("preferenceCanal", "EN_LIGNE");
    corps.put("droitsDife", "700.00");
    return corps;
  }
}
