package fr.elus.dife.dossier;

import fr.elus.dife.regles.Nir;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated request to open a dossier (the body of POST /api/dossiers). */
public record DemandeOuverture(String association, Elu elu, Situation situation, BigDecimal droitsDife) {

  public record Elu(String nomNaissance, String nomUsage, String prenoms, LocalDate dateNaissance,
      String lieuNaissance, String nationalite, Nir nir, String email, String telephoneMobile,
      String telephoneFixe, String collectiviteNom, String collectiviteCodeInsee, String mandat) {
  }

  /** franceIdentite: the state's France Identité app, accepted by FranceConnect+ since July 2024. */
  public record Situation(boolean compteFormation, boolean identiteNumerique, boolean franceIdentite,
      OsSmartphone smartphoneOs,
      String smartphoneVersion, boolean pieceIdentiteFrancaiseValide, boolean cameraEtMicro,
      PreferenceCanal preferenceCanal) {
  }

  public enum OsSmartphone { ANDROID, IOS, AUCUN }

  public enum PreferenceCanal { EN_LIGNE, BUREAU_DE_POSTE }
}
