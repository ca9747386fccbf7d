package fr.elus.dife.parcours;

import java.util.HashMap;
import java.util.Map;

/** The variables of an opened dossier, as OuvertureDossier sets them, for process tests. */
public final class Elus {

  public static final String REFERENCE = "DIFE-2026-000042";

  private Elus() {
  }

  public static Map<String, Object> claire() {
    Map<String, Object> v = new HashMap<>();
    v.put("reference", REFERENCE);
    v.put("association", "aml45");
    v.put("statutDossier", "OUVERT");
    v.put("nomNaissance", "MARTIN");
    v.put("nomUsage", "DURAND");
    v.put("prenoms", "Claire");
    v.put("dateNaissance", "1971-04-12");
    v.put("lieuNaissance", "Orléans");
    v.put("nationalite", "FR");
    v.put("email", "claire.durand@example.org");
    v.put("collectiviteNom", "Saint-Jean-de-Braye");
    v.put("collectiviteCodeInsee", "45284");
    v.put("mandat", "Conseillère municipale");
    v.put("compteFormation", true);
    v.put("identiteNumerique", false);
    v.put("franceIdentite", false);
    v.put("smartphoneOs", "ANDROID");
    v.put("smartphoneVersion", "13");
    v.put("smartphoneVersionMajeure", 13);
    v.put("pieceIdentiteFrancaiseValide", true);
    v.put("cameraEtMicro", true);
    v.put("preferenceCanal", "EN_LIGNE");
    v.put("droitsDife", "700.00");
    return v;
  }

  public static Map<String, Object> avec(Object... clesValeurs) {
    Map<String, Object> v = claire();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      v.put((String) clesValeurs[i], clesValeurs[i + 1]);
    }
    return v;
  }
}
