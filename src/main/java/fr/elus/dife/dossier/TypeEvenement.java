package fr.elus.dife.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.PropositionOrganisme;
import fr.elus.dife.regles.SaisieRefusee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outside events of docs/CONTRACT.md, the BPMN message each correlates, and the variables its data gives. */
public enum TypeEvenement {
  COURRIER_RECOMMANDE_RECU("CourrierRecommandeRecu"),
  AR24_VALIDE("Ar24Valide"),
  VERIFICATION_FACE_A_FACE_FAITE("VerificationFaceAFaceFaite"),
  REPONSE_CDC("ReponseCdc") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs, LocalDate aujourdhui) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("reponseCdcResolue", champs.booleen("donnees.resolu", true));
      List<String> pieces = new ArrayList<>();
      JsonNode noeud = champs.noeud("donnees.piecesDemandees");
      if (noeud != null && !noeud.isArray()) {
        champs.erreur("donnees.piecesDemandees", "Le champ « donnees.piecesDemandees » doit être une liste de textes.");
      } else if (noeud != null) {
        noeud.forEach(piece -> {
          if (piece.isTextual() && !piece.asText().isBlank() && piece.asText().length() <= 300) {
            pieces.add(piece.asText().strip());
          } else {
            champs.erreur("donnees.piecesDemandees",
                "Chaque pièce de « donnees.piecesDemandees » doit être un texte non vide de 300 caractères au plus.");
          }
        });
      }
      variables.put("piecesDemandeesCdc", pieces);
      return variables;
    }
  },
  PROPOSITION_ORGANISME("PropositionOrganisme") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs, LocalDate aujourdhui) {
      PropositionOrganisme.Lecture lecture = PropositionOrganisme.proposee(
          champ -> champs.brut(champs.noeud(CHAMPS_PROPOSITION.get(champ))), aujourdhui);
      lecture.refus().forEach(refus -> {
        String chemin = CHAMPS_PROPOSITION.get(refus.champ());
        champs.erreur(chemin, new SaisieRefusee(refus.motif()).pourLeChamp(chemin));
      });
      PropositionOrganisme proposition = lecture.proposition();
      if (proposition == null) {
        return Map.of();
      }
      return Map.of("dateAcceptation", proposition.dateAcceptation().toString(),
          "dateDebutFormation", proposition.dateDebut().toString(), "dateFinFormation", proposition.dateFin().toString(),
          "coutFormation", proposition.coutFormation().toPlainString(),
          "codeInseeLieuFormation", proposition.codeInseeLieu());
    }
  },
  INSCRIPTION_VALIDEE("InscriptionValidee") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs, LocalDate aujourdhui) {
      LocalDate validation = champs.date("donnees.dateValidation", true);
      return validation == null ? Map.of() : Map.of("dateValidation", validation.toString());
    }
  },
  FORMATION_ANNULEE("FormationAnnulee") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs, LocalDate aujourdhui) {
      SignalePar par = champs.enumeration("donnees.signalePar", SignalePar.class, true);
      String motif = champs.texte("donnees.motif", true, 1000);
      return par == null || motif == null ? Map.of()
          : Map.of("changementFormation", "annulée, " + par.libelle + " : " + motif);
    }
  },
  FORMATION_DEPLACEE("FormationDeplacee") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs, LocalDate aujourdhui) {
      SignalePar par = champs.enumeration("donnees.signalePar", SignalePar.class, true);
      LocalDate debut = champs.date("donnees.dateDebut", true);
      LocalDate fin = champs.date("donnees.dateFin", true);
      if (debut != null && fin != null && fin.isBefore(debut)) {
        champs.erreur("donnees.dateFin", "Le champ « donnees.dateFin » ne peut pas précéder « donnees.dateDebut ».");
      }
      if (par == null || debut == null || fin == null) {
        return Map.of();
      }
      // the new session prefills the choice, where every deadline is computed again
      return Map.of("dateDebutFormation", debut.toString(), "dateFinFormation", fin.toString(),
          "changementFormation", "déplacée du " + Jour.enFrancais(debut) + " au " + Jour.enFrancais(fin) + ", "
              + par.libelle);
    }
  };

  /** Who said that a validated training changed: the organisme or the élu. */
  enum SignalePar {
    ORGANISME("annoncé par l'organisme"), ELU("annoncé par l'élu");

    private final String libelle;

    SignalePar(String libelle) {
      this.libelle = libelle;
    }
  }

  private final String message;

  TypeEvenement(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }

  /** The JSON names of the proposal's fields in the event's data. */
  private static final Map<PropositionOrganisme.Champ, String> CHAMPS_PROPOSITION = Map.of(
      PropositionOrganisme.Champ.DATE_ACCEPTATION, "donnees.dateAcceptation",
      PropositionOrganisme.Champ.DATE_DEBUT, "donnees.dateDebut", PropositionOrganisme.Champ.DATE_FIN, "donnees.dateFin",
      PropositionOrganisme.Champ.COUT_FORMATION, "donnees.coutFormation",
      PropositionOrganisme.Champ.CODE_INSEE_LIEU, "donnees.codeInseeLieu");

  /** The process variables carried by the event; errors go to the reader. */
  Map<String, Object> lireDonnees(ChampsJson champs, LocalDate aujourdhui) {
    return Map.of();
  }
}
