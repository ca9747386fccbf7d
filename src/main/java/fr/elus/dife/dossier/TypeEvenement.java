package fr.elus.dife.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.regles.CodeInsee;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outside events of CONTRACT.md, the BPMN message each correlates, and the variables its data gives. */
public enum TypeEvenement {
  COURRIER_RECOMMANDE_RECU("CourrierRecommandeRecu"),
  AR24_VALIDE("Ar24Valide"),
  VERIFICATION_FACE_A_FACE_FAITE("VerificationFaceAFaceFaite"),
  REPONSE_CDC("ReponseCdc") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs) {
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
    Map<String, Object> lireDonnees(ChampsJson champs) {
      LocalDate acceptation = champs.date("donnees.dateAcceptation", true);
      LocalDate debut = champs.date("donnees.dateDebut", true);
      LocalDate fin = champs.date("donnees.dateFin", true);
      BigDecimal cout = champs.montant("donnees.coutFormation", true);
      String lieu = champs.texte("donnees.codeInseeLieu", true, 5);
      if (lieu != null && !CodeInsee.estValide(lieu)) {
        champs.erreur("donnees.codeInseeLieu", "Le champ « donnees.codeInseeLieu » doit être " + CodeInsee.FORMAT_ATTENDU + ".");
      }
      if (acceptation != null && debut != null && debut.isBefore(acceptation)) {
        champs.erreur("donnees.dateDebut", "Le champ « donnees.dateDebut » ne peut pas précéder la date d'acceptation.");
      }
      if (debut != null && fin != null && fin.isBefore(debut)) {
        champs.erreur("donnees.dateFin", "Le champ « donnees.dateFin » ne peut pas précéder la date de début.");
      }
      if (champs.aDesErreurs()) {
        return Map.of();
      }
      return Map.of("dateAcceptation", acceptation.toString(), "dateDebutFormation", debut.toString(),
          "dateFinFormation", fin.toString(), "coutFormation", cout.toPlainString(), "codeInseeLieuFormation", lieu);
    }
  },
  INSCRIPTION_VALIDEE("InscriptionValidee") {
    @Override
    Map<String, Object> lireDonnees(ChampsJson champs) {
      LocalDate validation = champs.date("donnees.dateValidation", true);
      return validation == null ? Map.of() : Map.of("dateValidation", validation.toString());
    }
  };

  private final String message;

  TypeEvenement(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }

  /** The process variables carried by the event; errors go to the reader. */
  Map<String, Object> lireDonnees(ChampsJson champs) {
    return Map.of();
  }
}
