package fr.elus.dife.parcours;

/** Why a dossier is escalated to the CDC; each has its email template ESCALADE_<motif>. */
public enum MotifEscalade {
  DROITS_ELU_ABSENTS("compte Élu absent de Mon Compte Formation"),
  ECHEC_FRANCECONNECT("erreur Mon Compte Formation ou échec FranceConnect+");

  private final String libelle;

  MotifEscalade(String libelle) {
    this.libelle = libelle;
  }

  public String libelle() {
    return libelle;
  }
}
