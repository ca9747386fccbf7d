package fr.elus.dife;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The longest journey, from opening to CLOS_FORMATION_SUIVIE, written once: the
 * API test drives it over HTTP, the benchmark through the services. Each step
 * waits for what the previous one started, so a driver may be asynchronous.
 */
public final class PlusLongParcours {

  /** How a driver carries out each kind of step on one dossier. */
  public interface Conduite {
    /** Opens the dossier; returns its reference. */
    String ouvrir(ObjectNode demande);

    void terminer(String tache, Object... clesValeurs);

    void evenement(String type, Map<String, Object> donnees);

    /** Fires the timer now, as an administrator does in Cockpit. */
    void declencherTimer(String activite);

    /** The split has been computed and the élu must now validate on MCF. */
    default void avantValidation() {
    }
  }

  private PlusLongParcours() {
  }

  /** The élu has no smartphone: postal procedure, CDC escalations, a FranceConnect+ failure, then the training. */
  public static ObjectNode demande() {
    ObjectNode demande = DossiersDeTest.demande(false);
    ((ObjectNode) demande.get("situation").get("smartphone")).put("os", "AUCUN").remove("version");
    return demande;
  }

  public static String parcourir(Conduite conduite, ObjectNode demande) {
    String reference = conduite.ouvrir(demande);
    String aujourdhui = LocalDate.now(CalendrierOuvre.FUSEAU).toString();

    conduite.terminer("Tache_CreerCompteFormation", "modeCreationCompte", "QUATRE_ETAPES", "dateCreationCompte", aujourdhui);
    // no smartphone: the postal procedure, its 4-week reminder; the registered letter verifies the identity
    conduite.terminer("Tache_PreparerCourrier", "reponseCompteMcf", "OUI", "datePostage", aujourdhui,
        "piecesCourrier", List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"));
    conduite.declencherTimer("Timer_QuatreSemaines");
    conduite.terminer("Tache_SuivreCourrier", "resultatSuiviCourrier", "Courrier pas encore reçu.");
    conduite.evenement("COURRIER_RECOMMANDE_RECU", Map.of());

    // rights missing: the CDC asks for a piece, then solves it
    conduite.terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "NON");
    conduite.evenement("REPONSE_CDC", Map.of("resolu", false, "piecesDemandees", List.of("Arrêté de délégation")));
    conduite.terminer("Tache_RassemblerPieces", "piecesEnvoyees", "Arrêté de délégation du maire.");
    conduite.evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
    conduite.terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "OUI", "montantDroitsLu", "700");

    // a training far enough ahead; FranceConnect+ fails once on registration
    LocalDate debut = CalendrierOuvre.ajouterJoursOuvres(LocalDate.now(CalendrierOuvre.FUSEAU), 20, null);
    conduite.terminer("Tache_ChoisirFormation", "moyenRecherche", "DROITS_MANDAT", "organismeFormation",
        "Institut des élus", "intituleFormation", "Budget communal", "dateDebutFormation", debut.toString(),
        "dateFinFormation", debut.plusDays(1).toString(), "coutFormation", "1200", "codeInseeLieuFormation", "75056",
        "emailCollectivite", "mairie@saint-jean-de-braye.exemple.fr");
    conduite.terminer("Tache_InscrireSurMcf", "issueInscription", "ECHEC_FRANCECONNECT", "descriptionErreur",
        "Erreur technique MCF");
    conduite.terminer("Tache_EnregistrerPiecesIdentiteCdc", "piecesIdentiteCdc", List.of("PIECE_IDENTITE_RECTO_VERSO",
        "CARTE_VITALE_OU_NIR", "CAPTURE_ERREUR", "EXPLICATION_PROBLEME"), "dateEnvoiPiecesCdc", aujourdhui,
        "expediteurPiecesCdc", "ELU");
    conduite.evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
    conduite.terminer("Tache_InscrireSurMcf", "issueInscription", "DOSSIER_ENVOYE");
    conduite.evenement("PROPOSITION_ORGANISME", Map.of("dateAcceptation", aujourdhui, "dateDebut", debut.toString(),
        "dateFin", debut.plusDays(1).toString(), "coutFormation", "1200.00", "codeInseeLieu", "75056"));
    conduite.terminer("Tache_DemanderContributionCollectivite", "reponseCollectivite", "OUI",
        "contributionCollectiviteAccordee", "400");
    conduite.avantValidation();
    conduite.evenement("INSCRIPTION_VALIDEE", Map.of("dateValidation", aujourdhui));

    // the training, then the frais THR: declared, checked, sent to the élu, filed on MCF, paid
    conduite.declencherTimer("Timer_DebutFormationValidee");
    conduite.declencherTimer("Timer_FinFormation");
    conduite.terminer("Tache_DeclarerFraisThr", "repasPris", 2, "codeInseeNuitee1", "75056", "nombreNuitees1", 1);
    conduite.terminer("Tache_VerifierFraisThr", "decisionFraisThr", "ENVOYER");
    conduite.terminer("Tache_EnregistrerDepotFraisThr", "dateDepotFraisThr", aujourdhui);
    conduite.terminer("Tache_EnregistrerPaiementFraisThr", "datePaiementFraisThr", aujourdhui,
        "montantPayeFraisThr", "145.00");
    return reference;
  }
}
