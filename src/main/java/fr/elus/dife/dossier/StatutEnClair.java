package fr.elus.dife.dossier;

import fr.elus.dife.parcours.StatutDossier;
import java.util.Map;

/** The status of a dossier as a conseiller says it, for the screens (the API keeps the contract's codes). */
final class StatutEnClair {

  private static final Map<StatutDossier, String> LIBELLES = Map.ofEntries(
      Map.entry(StatutDossier.OUVERT, "Ouvert"),
      Map.entry(StatutDossier.COMPTE_FORMATION, "Compte Mon Compte Formation"),
      Map.entry(StatutDossier.IDENTITE_NUMERIQUE, "Identité Numérique La Poste"),
      Map.entry(StatutDossier.VERIFICATION_DROITS, "Vérification des droits élu"),
      Map.entry(StatutDossier.ESCALADE_CDC, "Escalade à la Caisse des Dépôts"),
      Map.entry(StatutDossier.CHOIX_FORMATION, "Choix de la formation"),
      Map.entry(StatutDossier.INSCRIPTION, "Inscription à la formation"),
      Map.entry(StatutDossier.ATTENTE_PROPOSITION, "En attente de la proposition de l'organisme"),
      Map.entry(StatutDossier.VALIDATION, "Répartition et validation de l'inscription"),
      Map.entry(StatutDossier.EN_FORMATION, "En formation"),
      Map.entry(StatutDossier.FRAIS_THR, "Frais de transport, hébergement et repas"),
      Map.entry(StatutDossier.CLOS_FORMATION_SUIVIE, "Clos : formation suivie"),
      Map.entry(StatutDossier.CLOS_DIFE_NON_MOBILISE, "Clos : DIFE non mobilisé"),
      Map.entry(StatutDossier.CLOS_ABANDON, "Clos : abandon"));

  private StatutEnClair() {
  }

  static String de(String statut) {
    if (statut == null) {
      return null;
    }
    try {
      return LIBELLES.get(StatutDossier.valueOf(statut));
    } catch (IllegalArgumentException e) {
      return statut;
    }
  }
}
