package fr.elus.dife.dossier;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An outside event the dossier waits for now: one of its running processes holds a
 * message subscription for it. Derived from the engine, so the buttons of the
 * Dossier tab offer exactly the events that POST /evenements would accept.
 */
public record EvenementAttendu(String type, String libelle, Date depuis) {

  private static final Map<TypeEvenement, String> LIBELLES = Map.of(
      TypeEvenement.COURRIER_RECOMMANDE_RECU, "Courrier recommandé reçu par l'élu",
      TypeEvenement.AR24_VALIDE, "Lettre AR24 validée",
      TypeEvenement.VERIFICATION_FACE_A_FACE_FAITE, "Vérification en face à face faite",
      TypeEvenement.REPONSE_CDC, "Réponse de la Caisse des Dépôts",
      TypeEvenement.PROPOSITION_ORGANISME, "Proposition de l'organisme de formation",
      TypeEvenement.INSCRIPTION_VALIDEE, "Inscription validée sur Mon Compte Formation",
      TypeEvenement.FORMATION_ANNULEE, "Formation annulée (organisme ou élu)",
      TypeEvenement.FORMATION_DEPLACEE, "Formation déplacée à d'autres dates (organisme ou élu)");

  /** A message subscription of a running process: the message awaited, since when. */
  record Abonnement(String message, Date depuis) {
  }

  /** The events these subscriptions await, in the order of TypeEvenement, each once. */
  static List<EvenementAttendu> des(List<Abonnement> abonnements) {
    return Arrays.stream(TypeEvenement.values())
        .flatMap(type -> abonnements.stream().filter(a -> type.message().equals(a.message()))
            .map(Abonnement::depuis).min(Date::compareTo)
            .map(depuis -> new EvenementAttendu(type.name(), LIBELLES.get(type), depuis)).stream())
        .toList();
  }

  /** An event the list columns name, without the date its wait began. */
  static EvenementAttendu du(String type) {
    return new EvenementAttendu(type, LIBELLES.get(TypeEvenement.valueOf(type)), null);
  }
}
