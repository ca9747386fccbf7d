package fr.elus.dife.indicateurs;

import fr.elus.dife.parcours.StatutDossier;
import java.util.EnumMap;
import java.util.Map;

/** The French name of each status, as analysts read it in Cockpit and in the exports. */
public final class Etapes {

  private static final Map<StatutDossier, String> LIBELLES = new EnumMap<>(Map.ofEntries(
      Map.entry(StatutDossier.OUVERT, "Ouvert"),
      Map.entry(StatutDossier.COMPTE_FORMATION, "Compte Mon Compte Formation"),
      Map.entry(StatutDossier.IDENTITE_NUMERIQUE, "Identité Numérique"),
      Map.entry(StatutDossier.VERIFICATION_DROITS, "Vérification des droits"),
      Map.entry(StatutDossier.ESCALADE_CDC, "Escalade CDC"),
      Map.entry(StatutDossier.CHOIX_FORMATION, "Choix de la formation"),
      Map.entry(StatutDossier.INSCRIPTION, "Inscription"),
      Map.entry(StatutDossier.ATTENTE_PROPOSITION, "Attente de la proposition"),
      Map.entry(StatutDossier.VALIDATION, "Validation"),
      Map.entry(StatutDossier.EN_FORMATION, "En formation"),
      Map.entry(StatutDossier.FRAIS_THR, "Frais THR"),
      Map.entry(StatutDossier.CLOS_FORMATION_SUIVIE, "Clos : formation suivie"),
      Map.entry(StatutDossier.CLOS_DIFE_NON_MOBILISE, "Clos : DIFE non mobilisé"),
      Map.entry(StatutDossier.CLOS_ABANDON, "Clos : abandon")));

  private Etapes() {
  }

  public static String libelle(String statut) {
    try {
      return LIBELLES.get(StatutDossier.valueOf(statut));
    } catch (IllegalArgumentException | NullPointerException e) {
      return statut;
    }
  }

  public static boolean estClos(String statut) {
    return statut != null && statut.startsWith("CLOS_");
  }
}
