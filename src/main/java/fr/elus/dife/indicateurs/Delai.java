package fr.elus.dife.indicateurs;

import java.util.Arrays;
import java.util.Optional;

/**
 * The deadlines analysts follow, each as the models hold it: the activity that
 * waits within the deadline, and the one that says it was exceeded (its timer, or
 * for the 11 working days the email telling the élu). The timers themselves stay
 * the only home of each rule.
 */
public enum Delai {
  AR24("Vérification AR24 sous 24 h ouvrées", "SousProcessus_DelaiAr24", "Timer_DelaiAr24"),
  CDC("Réponse de la CDC sous 14 jours", "SousProcessus_SuiviCdc", "Timer_RelanceCdc"),
  COURRIER("Procédure courrier sous 4 semaines", "SousProcessus_AttenteCourrier", "Timer_QuatreSemaines"),
  VALIDATION("Validation par l'élu dans son délai, avant le début", "SousProcessus_AttenteValidation", "Timer_DelaiValidation"),
  ONZE_JOURS("Règle des 11 jours ouvrés", "Service_VerifierDelai", "Envoi_DelaiNonTenu");

  private final String libelle;
  private final String activiteAttente;
  private final String activiteDepassement;

  Delai(String libelle, String activiteAttente, String activiteDepassement) {
    this.libelle = libelle;
    this.activiteAttente = activiteAttente;
    this.activiteDepassement = activiteDepassement;
  }

  public String libelle() {
    return libelle;
  }

  static Optional<Delai> attendu(String activite) {
    return Arrays.stream(values()).filter(d -> d.activiteAttente.equals(activite)).findFirst();
  }

  static Optional<Delai> depasse(String activite) {
    return Arrays.stream(values()).filter(d -> d.activiteDepassement.equals(activite)).findFirst();
  }
}
