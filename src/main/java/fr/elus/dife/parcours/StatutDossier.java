package fr.elus.dife.parcours;

/** The values of the process variable statutDossier (docs/CONTRACT.md). */
public enum StatutDossier {
  OUVERT,
  COMPTE_FORMATION,
  IDENTITE_NUMERIQUE,
  VERIFICATION_DROITS,
  ESCALADE_CDC,
  CHOIX_FORMATION,
  INSCRIPTION,
  ATTENTE_PROPOSITION,
  VALIDATION,
  EN_FORMATION,
  FRAIS_THR,
  CLOS_FORMATION_SUIVIE,
  CLOS_DIFE_NON_MOBILISE,
  CLOS_ABANDON;

  public static final String VARIABLE = "statutDossier";
}
