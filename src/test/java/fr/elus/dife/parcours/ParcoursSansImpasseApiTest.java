package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.regles.Jour;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The paths of the journey's second pass (issue 12) as other systems and the
 * conseiller drive them from outside: REST API, outside events, tasks completed over
 * /engine-rest, timers fired as an administrator does in Cockpit, and the emails as
 * the SMTP server receives them.
 */
@ApplicationDemarree
class ParcoursSansImpasseApiTest {

  @LocalServerPort
  int port;
  @Autowired
  GreenMail smtp;
  @Value("${dife.cdc.email}")
  String adresseCdc;

  private ClientHttp http;
  private String reference;
  private String emailElu;
  private DossierParHttp suivi;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  private String ouvrir(ObjectNode demande) {
    reference = http.post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();
    emailElu = demande.get("elu").get("email").asText();
    suivi = new DossierParHttp(http, reference);
    return reference;
  }

  private JsonNode dossier() {
    return suivi.vue();
  }

  private String tache(String definition) {
    return suivi.tache(definition);
  }

  private Reponse terminerPar(String utilisateur, String definition, Object... clesValeurs) {
    return suivi.terminerPar(utilisateur, definition, clesValeurs);
  }

  private void terminer(String definition, Object... clesValeurs) {
    suivi.terminer(definition, clesValeurs);
  }

  private void evenement(String type, Map<String, Object> donnees) {
    suivi.evenement(type, donnees);
  }

  private Reponse evenementRefuse(String type, Map<String, Object> donnees) {
    return suivi.envoyer("refuse-" + type + "-" + reference + "-" + System.nanoTime(), type, donnees);
  }

  private void declencherTimer(String activite) {
    suivi.declencherTimer(activite);
  }

  private String jobTimer(String activite) {
    return suivi.jobTimer(activite);
  }

  private String corps(String destinataire, String motsDuSujet) {
    Attente.jusqua("le courriel « " + motsDuSujet + " »", () -> !CourrielsRecus.a(smtp, destinataire, motsDuSujet).isEmpty());
    return CourrielsRecus.texte(CourrielsRecus.a(smtp, destinataire, motsDuSujet).get(0));
  }

  /** The dossier is closed as CLOS_DIFE_NON_MOBILISE, its reason kept on the journey. */
  private void closAvecLeMotif(String motif) {
    Attente.jusqua("la clôture", () -> dossier().get("statutDossier").asText().equals("CLOS_DIFE_NON_MOBILISE"));
    assertThat(dossier().hasNonNull("dateCloture")).isTrue();
    assertThat(dossier().get("motifCloture").asText()).as("le motif dans la vue du dossier").isEqualTo(motif);
    String parcours = http.get("conseiller45", "/engine-rest/history/process-instance?processDefinitionKey=dife-parcours"
        + "&processInstanceBusinessKey=" + reference).corps().get(0).get("id").asText();
    JsonNode motifs = http.get("conseiller45", "/engine-rest/history/variable-instance?variableName=motifCloture"
        + "&processInstanceId=" + parcours).corps();
    assertThat(motifs.findValuesAsText("value")).containsExactly(motif);
  }

  private static List<String> attendus(JsonNode vue) {
    return vue.get("evenementsAttendus").findValuesAsText("type");
  }

  @Test
  void sansNouvellesDuFaceAFaceUnPointPuisLaCdcRefuseEtLeDossierEstClos() {
    ObjectNode demande = DossiersDeTest.demande(true);
    ((ObjectNode) demande.get("situation")).put("preferenceCanal", "BUREAU_DE_POSTE");
    ouvrir(demande);

    terminer("Tache_RendezVousBureauDePoste", "bureauDePoste", "Orléans République",
        "dateRendezVous", LocalDate.now(CalendrierOuvre.FUSEAU).toString());
    Attente.jusqua("l'attente du face à face", () -> attendus(dossier()).contains("VERIFICATION_FACE_A_FACE_FAITE"));
    assertThat(dossier().get("echeances").findValuesAsText("nom")).contains("Vérification non signalée après le délai");
    declencherTimer("Timer_SuiviFaceAFace");
    terminer("Tache_SuivreFaceAFace", "resultatSuiviFaceAFace", "L'élu passe au bureau de poste demain.");
    Attente.jusqua("un nouveau délai", () -> jobTimer("Timer_SuiviFaceAFace") != null);
    assertThat(attendus(dossier())).as("the event can still be recorded").contains("VERIFICATION_FACE_A_FACE_FAITE");
    evenement("VERIFICATION_FACE_A_FACE_FAITE", Map.of());
    terminer("Tache_ActiverApplication", "issueActivation", "APPLICATION_ACTIVEE", "applicationActivee", true,
        "dateActivation", LocalDate.now(CalendrierOuvre.FUSEAU).toString());

    // the rights are missing and the CDC answers without solving nor asking anything
    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "NON");
    evenement("REPONSE_CDC", Map.of("resolu", false, "piecesDemandees", List.of()));
    Reponse sansMotif = terminerPar("conseiller45", "Tache_DeciderApresRefusCdc", "reponseCdcConstatee", "Refus",
        "decisionCloture", "CLORE");
    assertThat(sansMotif.statut()).isNotEqualTo(204);
    assertThat(sansMotif.brute().body()).contains("motifCloture");
    terminer("Tache_DeciderApresRefusCdc", "reponseCdcConstatee", "Aucun mandat enregistré à ce nom.",
        "decisionCloture", "CLORE", "motifCloture", "La CDC refuse : aucun mandat enregistré.");
    closAvecLeMotif("La CDC refuse : aucun mandat enregistré.");
  }

  @Test
  void lesRelancesDuCourrierSArretentEtUnSuperviseurClotLeDossier() {
    ObjectNode demande = DossiersDeTest.demande(true);
    ((ObjectNode) demande.get("situation").get("smartphone")).put("os", "AUCUN").remove("version");
    ouvrir(demande);
    String email = demande.get("elu").get("email").asText();

    terminer("Tache_PreparerCourrier", "reponseCompteMcf", "OUI", "datePostage", LocalDate.now(CalendrierOuvre.FUSEAU).toString(),
        "piecesCourrier", List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"));
    declencherTimer("Timer_QuatreSemaines");
    for (int relance = 1; relance <= 4; relance++) {
      terminer("Tache_SuivreCourrier", "resultatSuiviCourrier", "Toujours rien (" + relance + ").");
      if (relance < 4) {
        declencherTimer("Timer_RelanceSuivante");
      }
    }
    Attente.jusqua("les quatre relances", () -> CourrielsRecus.a(smtp, email, "Avez-vous reçu").size() == 4);
    assertThat(attendus(dossier())).contains("COURRIER_RECOMMANDE_RECU");
    assertThat(http.get("superviseur45", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&candidateGroup=superviseurs").corps().findValuesAsText("taskDefinitionKey"))
        .containsExactly("Tache_ReprendreProcedureCourrier");

    // the superviseurs' task: a conseiller may read it, not take nor complete it, over /engine-rest either
    String tache = suivi.tache("Tache_ReprendreProcedureCourrier");
    Reponse prise = http.post("conseiller45", "/engine-rest/task/" + tache + "/claim", Map.of("userId", "conseiller45"));
    assertThat(prise.statut()).as(prise.brute().body()).isEqualTo(403);
    assertThat(prise.corps().get("message").asText()).contains("« superviseurs »", "conseiller45");
    Reponse parUnConseiller = terminerPar("conseiller45", "Tache_ReprendreProcedureCourrier", "actionSuperviseur",
        "Clos par un conseiller.", "decisionCloture", "CLORE", "motifCloture", "Clos par un conseiller.");
    assertThat(parUnConseiller.statut()).as(parUnConseiller.brute().body()).isEqualTo(403);
    assertThat(http.get("conseiller45", "/engine-rest/task/" + tache).corps().get("assignee").isNull()).isTrue();
    assertThat(dossier().get("statutDossier").asText()).isEqualTo("IDENTITE_NUMERIQUE");
    // nor by delegating it to himself; a superviseur who took it may delegate it to him, and he hands it back
    Reponse delegueeASoi = http.post("conseiller45", "/engine-rest/task/" + tache + "/delegate",
        Map.of("userId", "conseiller45"));
    assertThat(delegueeASoi.statut()).as(delegueeASoi.brute().body()).isEqualTo(403);
    assertThat(http.post("superviseur45", "/engine-rest/task/" + tache + "/claim", Map.of("userId", "superviseur45"))
        .statut()).isEqualTo(204);
    Reponse deleguee = http.post("superviseur45", "/engine-rest/task/" + tache + "/delegate",
        Map.of("userId", "conseiller45"));
    assertThat(deleguee.statut()).as(deleguee.brute().body()).isEqualTo(204);
    Reponse rendue = http.post("conseiller45", "/engine-rest/task/" + tache + "/resolve", Map.of());
    assertThat(rendue.statut()).as(rendue.brute().body()).isEqualTo(204);
    JsonNode apresDelegation = http.get("superviseur45", "/engine-rest/task/" + tache).corps();
    assertThat(apresDelegation.get("assignee").asText()).isEqualTo("superviseur45");
    assertThat(apresDelegation.get("delegationState").asText()).isEqualTo("RESOLVED");
    // made its owner by hand, a conseiller still cannot take it
    Reponse proprietaire = http.post("conseiller45", "/engine-rest/task/" + tache + "/identity-links",
        Map.of("userId", "conseiller45", "type", "owner"));
    assertThat(proprietaire.statut()).as(proprietaire.brute().body()).isEqualTo(204);
    Reponse assignee = http.post("conseiller45", "/engine-rest/task/" + tache + "/assignee",
        Map.of("userId", "conseiller45"));
    assertThat(assignee.statut()).as(assignee.brute().body()).isEqualTo(403);
    assertThat(http.post("superviseur45", "/engine-rest/task/" + tache + "/identity-links",
        Map.of("userId", "superviseur45", "type", "owner")).statut()).isEqualTo(204);

    Reponse reponse = terminerPar("superviseur45", "Tache_ReprendreProcedureCourrier", "actionSuperviseur",
        "Appel de l'élu : rien reçu.", "decisionCloture", "CLORE", "motifCloture", "Courrier recommandé jamais reçu.");
    assertThat(reponse.statut()).as(reponse.brute().body()).isEqualTo(204);
    closAvecLeMotif("Courrier recommandé jamais reçu.");
    assertThat(CourrielsRecus.a(smtp, email, "Avez-vous reçu")).hasSize(4);
  }

  /** A dossier with its identity already there, registered, the organisme's proposal accepted today. */
  private LocalDate propositionAcceptee() {
    ObjectNode demande = DossiersDeTest.demande(true);
    ((ObjectNode) demande.get("situation")).put("identiteNumerique", true);
    ouvrir(demande);
    String aujourdhui = LocalDate.now(CalendrierOuvre.FUSEAU).toString();
    LocalDate debut = CalendrierOuvre.ajouterJoursOuvres(LocalDate.now(CalendrierOuvre.FUSEAU), 20, null);
    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "OUI", "montantDroitsLu", "700");
    terminer("Tache_ChoisirFormation", "moyenRecherche", "DROITS_MANDAT", "organismeFormation", "Institut des élus",
        "intituleFormation", "Urbanisme", "dateDebutFormation", debut.toString(), "dateFinFormation", debut.toString(),
        "coutFormation", "500", "codeInseeLieuFormation", "45234");
    terminer("Tache_InscrireSurMcf", "issueInscription", "DOSSIER_ENVOYE");
    evenement("PROPOSITION_ORGANISME", Map.of("dateAcceptation", aujourdhui, "dateDebut", debut.toString(),
        "dateFin", debut.toString(), "coutFormation", "500.00", "codeInseeLieu", "45234"));
    Attente.jusqua("l'attente de la validation", () -> jobTimer("Timer_DelaiValidation") != null);
    return debut;
  }

  /** The élu's last day to confirm: 4 working days after the organisme's acceptance (default dated rule). */
  private static String dernierJourPourValider() {
    return Jour.enFrancais(CalendrierOuvre.ajouterJoursOuvres(LocalDate.now(CalendrierOuvre.FUSEAU), 4, null));
  }

  /** Registered and validated, waiting for the training to start. */
  private LocalDate valide() {
    LocalDate debut = propositionAcceptee();
    evenement("INSCRIPTION_VALIDEE", Map.of("dateValidation", LocalDate.now(CalendrierOuvre.FUSEAU).toString()));
    Attente.jusqua("l'attente du début", () -> attendus(dossier()).contains("FORMATION_ANNULEE"));
    assertThat(jobTimer("Timer_DelaiValidation")).as("confirmed in time: no deadline left").isNull();
    assertThat(jobTimer("Timer_RappelValidation")).isNull();
    JsonNode enAttente = dossier();
    assertThat(enAttente.get("statutDossier").asText()).as("EN_FORMATION only once it starts").isEqualTo("VALIDATION");
    assertThat(attendus(enAttente)).containsExactly("FORMATION_ANNULEE", "FORMATION_DEPLACEE");
    assertThat(enAttente.get("echeances").findValuesAsText("nom")).contains("Début de la formation");
    return debut;
  }

  @Test
  void uneFormationDeplaceeApresLaValidationRevientAuChoix() {
    LocalDate debut = valide();
    LocalDate nouveauDebut = debut.plusWeeks(6);
    Reponse sansAuteur = evenementRefuse("FORMATION_DEPLACEE", Map.of("dateDebut", nouveauDebut.toString(),
        "dateFin", nouveauDebut.toString()));
    assertThat(sansAuteur.statut()).isEqualTo(400);
    assertThat(sansAuteur.brute().body()).contains("donnees.signalePar");
    evenement("FORMATION_DEPLACEE", Map.of("signalePar", "ORGANISME", "dateDebut", nouveauDebut.toString(),
        "dateFin", nouveauDebut.plusDays(1).toString()));

    String decision = tache("Tache_DeciderFormationChangee");
    assertThat(http.get("conseiller45", "/engine-rest/task/" + decision).corps().get("description").asText())
        .contains("annoncé par l'organisme");
    terminer("Tache_DeciderFormationChangee", "decisionCloture", "RELANCER");
    String choix = tache("Tache_ChoisirFormation");
    assertThat(dossier().get("statutDossier").asText()).isEqualTo("CHOIX_FORMATION");
    assertThat(http.get("conseiller45", "/engine-rest/task/" + choix + "/form-variables?variableNames=dateDebutFormation")
        .corps().get("dateDebutFormation").get("value").asText()).isEqualTo(nouveauDebut.toString());
  }

  @Test
  void uneFormationAnnuleeApresLaValidationClotLeDossier() {
    valide();
    evenement("FORMATION_ANNULEE", Map.of("signalePar", "ELU", "motif", "L'élu est malade."));
    terminer("Tache_DeciderFormationChangee", "decisionCloture", "CLORE", "motifCloture", "Formation annulée par l'élu.");
    closAvecLeMotif("Formation annulée par l'élu.");
  }

  @Test
  void franceConnectImpossibleALIdentiteLaCdcVerifiePuisLesDroits() {
    ObjectNode demande = DossiersDeTest.demande(true);
    String email = demande.get("elu").get("email").asText();
    ouvrir(demande);
    String aujourdhui = LocalDate.now(CalendrierOuvre.FUSEAU).toString();

    terminer("Tache_AccompagnerEnLigne", "compteLaPoste", "CREE", "informationsIdentiteSaisies", true,
        "modeVerification", "AR24");
    evenement("AR24_VALIDE", Map.of());
    Reponse refus = terminerPar("conseiller45", "Tache_ActiverApplication", "issueActivation", "ECHEC_FRANCECONNECT");
    assertThat(refus.statut()).isNotEqualTo(204);
    assertThat(refus.brute().body()).contains("descriptionErreur");
    terminer("Tache_ActiverApplication", "issueActivation", "ECHEC_FRANCECONNECT",
        "descriptionErreur", "Message « FC-403 » à la création de FranceConnect+");

    // the CDC is written to, and the élu told what to send it, and where
    assertThat(corps(adresseCdc, reference)).contains("Explication de l'erreur : Message « FC-403 »");
    String aLElu = corps(email, "les pièces à envoyer à la Caisse des Dépôts");
    assertThat(aLElu).contains(adresseCdc, "recto et du verso", "carte Vitale, ou votre numéro de sécurité sociale",
        "capture d'écran du message d'erreur", "explication du problème", "au plus deux semaines",
        "aucune inscription à une formation n'est possible");
    tache("Tache_EnregistrerPiecesIdentiteCdc");
    JsonNode escalade = dossier();
    assertThat(escalade.get("statutDossier").asText()).isEqualTo("ESCALADE_CDC");
    assertThat(attendus(escalade)).as("the wait starts once the pieces are sent").isEmpty();
    assertThat(escalade.get("echeances").findValuesAsText("nom")).contains("Enregistrer les pièces envoyées à la CDC");

    terminer("Tache_EnregistrerPiecesIdentiteCdc", "piecesIdentiteCdc", List.of("PIECE_IDENTITE_RECTO_VERSO",
        "CARTE_VITALE_OU_NIR", "CAPTURE_ERREUR", "EXPLICATION_PROBLEME"), "dateEnvoiPiecesCdc", aujourdhui,
        "expediteurPiecesCdc", "ELU");
    Attente.jusqua("l'attente de la CDC", () -> attendus(dossier()).contains("REPONSE_CDC"));
    JsonNode enAttente = dossier();
    assertThat(enAttente.get("echeances").findValuesAsText("nom")).contains("Sans réponse après le délai de traitement");
    JsonNode documents = enAttente.get("documents");
    assertThat(documents.findValuesAsText("nom")).contains(
        "Pièces d'identité envoyées à la Caisse des Dépôts (FranceConnect+)", "Envoi des pièces d'identité à la Caisse des Dépôts");
    assertThat(documents.toString()).contains("Pièce d'identité, recto et verso", "Capture d'écran de l'erreur",
        "par l'élu depuis sa messagerie");
    LocalDate debut = LocalDate.now(CalendrierOuvre.FUSEAU).plusMonths(2);
    assertThat(evenementRefuse("PROPOSITION_ORGANISME", Map.of("dateAcceptation", aujourdhui, "dateDebut", debut.toString(),
        "dateFin", debut.toString(), "coutFormation", "500.00", "codeInseeLieu", "45234")).statut())
        .as("no registration meanwhile").isEqualTo(409);

    evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
    tache("Tache_VerifierDroitsElu");
    assertThat(dossier().get("statutDossier").asText()).isEqualTo("VERIFICATION_DROITS");
  }

  /** The proposal not confirmed by the élu in time: reminded, then the conseiller decides. */
  private String sansValidationDansLeDelai() {
    propositionAcceptee();
    String email = emailElu;
    String limite = dernierJourPourValider();
    assertThat(corps(email, "qui paie, et la validation à faire")).contains("au plus tard le " + limite);
    JsonNode enAttente = dossier();
    assertThat(enAttente.get("statutDossier").asText()).isEqualTo("VALIDATION");
    assertThat(enAttente.get("echeances").findValuesAsText("nom"))
        .contains("Veille ouvrée du dernier jour pour valider", "Dernier jour pour valider passé");
    declencherTimer("Timer_RappelValidation");
    assertThat(corps(email, "Rappel : validez votre inscription")).contains("au plus tard le " + limite,
        "la proposition de l'organisme n'est plus valable");
    declencherTimer("Timer_DelaiValidation");
    String decision = tache("Tache_DeciderValidationManquee");
    assertThat(http.get("conseiller45", "/engine-rest/task/" + decision).corps().get("description").asText())
        .contains("n'a pas été confirmée sur Mon Compte Formation");
    assertThat(attendus(dossier())).as("too late for the élu's confirmation").doesNotContain("INSCRIPTION_VALIDEE");
    return email;
  }

  @Test
  void sansValidationDansLeDelaiLeConseillerClotLeDossier() {
    String email = sansValidationDansLeDelai();
    Reponse sansMotif = terminerPar("conseiller45", "Tache_DeciderValidationManquee", "decisionCloture", "CLORE");
    assertThat(sansMotif.statut()).isEqualTo(400);
    assertThat(sansMotif.brute().body()).contains("motifCloture");
    terminer("Tache_DeciderValidationManquee", "decisionCloture", "CLORE",
        "motifCloture", "L'élu n'a pas confirmé son inscription à temps.");
    closAvecLeMotif("L'élu n'a pas confirmé son inscription à temps.");
    assertThat(corps(email, "Dossier incomplet")).contains("au plus tard le " + dernierJourPourValider(),
        "Motif : L'élu n'a pas confirmé son inscription à temps.");
  }

  @Test
  void sansValidationDansLeDelaiLeConseillerFaitUneNouvelleDemande() {
    sansValidationDansLeDelai();
    terminer("Tache_DeciderValidationManquee", "decisionCloture", "RELANCER");
    tache("Tache_ChoisirFormation");
    assertThat(dossier().get("statutDossier").asText()).isEqualTo("CHOIX_FORMATION");
  }

  private static String sujet(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A dossier whose rights (700 €) are checked, at the choice of a training 20 working days ahead. */
  private LocalDate droitsVerifies() {
    ObjectNode demande = DossiersDeTest.demande(true);
    ((ObjectNode) demande.get("situation")).put("identiteNumerique", true);
    ouvrir(demande);
    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "OUI", "montantDroitsLu", "700");
    return CalendrierOuvre.ajouterJoursOuvres(LocalDate.now(CalendrierOuvre.FUSEAU), 20, null);
  }

  /** The choice form of a 1200 € training: 500 € remain after the DIFE. */
  private static Object[] choixAvecUnReste(LocalDate debut, String emailCollectivite) {
    return new Object[] {"moyenRecherche", "DROITS_MANDAT", "organismeFormation", "Institut des élus",
        "intituleFormation", "Finances locales", "dateDebutFormation", debut.toString(), "dateFinFormation",
        debut.toString(), "coutFormation", "1200", "codeInseeLieuFormation", "45234", "emailCollectivite",
        emailCollectivite};
  }

  private void propositionDe1200(LocalDate debut) {
    terminer("Tache_InscrireSurMcf", "issueInscription", "DOSSIER_ENVOYE");
    evenement("PROPOSITION_ORGANISME", Map.of("dateAcceptation", LocalDate.now(CalendrierOuvre.FUSEAU).toString(), "dateDebut",
        debut.toString(), "dateFin", debut.toString(), "coutFormation", "1200.00", "codeInseeLieu", "45234"));
  }

  /**
   * The collectivity is asked by email at the choice of the training, before any
   * registration; the élu validates on MCF before it answers: the event is applied
   * (202, never 409), and the answer recorded afterwards ends the stage.
   */
  @Test
  void laCollectiviteEstSolliciteeAuChoixEtLaValidationQuiPrecedeSaReponseEstAcceptee() throws Exception {
    String mairie = "mairie-" + System.nanoTime() + "@commune.exemple.fr";
    LocalDate debut = droitsVerifies();
    Reponse adresseFausse = terminerPar("conseiller45", "Tache_ChoisirFormation", choixAvecUnReste(debut, "mairie"));
    assertThat(adresseFausse.statut()).isEqualTo(400);
    assertThat(adresseFausse.brute().body()).contains("Le champ « emailCollectivite » doit être une adresse électronique valide.");
    terminer("Tache_ChoisirFormation", choixAvecUnReste(debut, mairie));

    Attente.jusqua("la demande à la collectivité", () -> !CourrielsRecus.a(smtp, mairie, reference).isEmpty());
    MimeMessage demande = CourrielsRecus.a(smtp, mairie, reference).get(0);
    assertThat(demande.getSubject()).contains("contribution");
    assertThat(CourrielsRecus.texte(demande)).contains("coût de la formation : 1200.00 €",
        "pris en charge par le DIFE", "700.00 €", "reste à payer : 500.00 €", "jusqu'à 500.00 €", "75 %");
    assertThat(demande.getReplyTo()).as("the collectivity answers the association's team")
        .extracting(Address::toString).containsExactly("equipe-aml45@demo.invalid");
    JsonNode choisie = dossier();
    assertThat(choisie.get("statutDossier").asText()).isEqualTo("INSCRIPTION");
    assertThat(choisie.get("demandeCollectivite").asText()).isEqualTo("courriel du "
        + Jour.enFrancais(LocalDate.now(CalendrierOuvre.FUSEAU)) + " à " + mairie);
    assertThat(choisie.get("historique").findValuesAsText("description"))
        .anySatisfy(d -> assertThat(d).contains("envoyé à " + mairie));

    propositionDe1200(debut);
    tache("Tache_DemanderContributionCollectivite");
    Reponse validation = suivi.envoyer("validee-" + reference, "INSCRIPTION_VALIDEE",
        Map.of("dateValidation", LocalDate.now(CalendrierOuvre.FUSEAU).toString()));
    assertThat(validation.statut()).as(validation.brute().body()).isEqualTo(202);

    JsonNode validee = dossier();
    assertThat(validee.get("statutDossier").asText()).isEqualTo("VALIDATION");
    assertThat(validee.get("historique").findValuesAsText("description"))
        .anySatisfy(d -> assertThat(d).startsWith("Événement INSCRIPTION_VALIDEE"));
    assertThat(attendus(validee)).as("recorded: not expected twice").doesNotContain("INSCRIPTION_VALIDEE");
    assertThat(jobTimer("Timer_DelaiValidation")).as("validated: no deadline left").isNull();
    assertThat(validee.get("etapes").findValuesAsText("nom")).contains("Demander la contribution de la collectivité");

    terminer("Tache_DemanderContributionCollectivite", "reponseCollectivite", "OUI",
        "contributionCollectiviteAccordee", "400");
    Attente.jusqua("l'attente du début", () -> attendus(dossier()).contains("FORMATION_ANNULEE"));
    JsonNode repartition = dossier().get("repartition");
    assertThat(repartition.get("contributionCollectivite").asText()).isEqualTo("400.00");
    assertThat(repartition.get("resteAChargeElu").asText()).isEqualTo("100.00");
  }

  /** The élu has validated, the collectivity never answers: at the start its share is 0 € and the élu is told. */
  @Test
  void sansReponseDeLaCollectiviteAuDebutSaPartEstZeroEtLEluLeSait() {
    String mairie = "mairie-" + System.nanoTime() + "@commune.exemple.fr";
    LocalDate debut = droitsVerifies();
    terminer("Tache_ChoisirFormation", choixAvecUnReste(debut, mairie));
    propositionDe1200(debut);
    tache("Tache_DemanderContributionCollectivite");
    assertThat(suivi.envoyer("validee-" + reference, "INSCRIPTION_VALIDEE",
        Map.of("dateValidation", LocalDate.now(CalendrierOuvre.FUSEAU).toString())).statut()).isEqualTo(202);
    assertThat(jobTimer("Timer_SansReponseCollectivite")).as("the collectivity has until the start").isNotNull();

    declencherTimer("Timer_SansReponseCollectivite");

    Attente.jusqua("l'attente du début", () -> attendus(dossier()).contains("FORMATION_ANNULEE"));
    JsonNode vue = dossier();
    assertThat(vue.get("repartition").get("contributionCollectivite").asText()).isEqualTo("0.00");
    assertThat(vue.get("repartition").get("resteAChargeElu").asText()).isEqualTo("500.00");
    assertThat(vue.get("demandeCollectivite").asText()).startsWith("courriel du ")
        .endsWith("sans réponse au début de la formation, le " + Jour.enFrancais(LocalDate.now(CalendrierOuvre.FUSEAU)));
    assertThat(corps(emailElu, "la part de")).contains("n'a pas répondu à la demande de contribution avant le début",
        "pris en charge par votre collectivité : 0.00 €", "reste à votre charge, à régler par virement : 500.00 €");
  }

  /** Without the collectivity's email address: the letter to print, then the day it was posted. */
  @Test
  void sansAdresseDeLaCollectiviteLeConseillerImprimeEtPosteLeCourrier() {
    LocalDate debut = droitsVerifies();
    terminer("Tache_ChoisirFormation", choixAvecUnReste(debut, ""));
    assertThat(dossier().get("demandeCollectivite").asText())
        .isEqualTo("courrier préparé le " + Jour.enFrancais(LocalDate.now(CalendrierOuvre.FUSEAU)) + ", à imprimer et poster");
    propositionDe1200(debut);
    String tache = tache("Tache_DemanderContributionCollectivite");
    String courrier = http.get("conseiller45", "/engine-rest/task/" + tache + "/form-variables")
        .corps().get("courrierCollectivite").get("value").asText();
    assertThat(courrier).startsWith("Objet : Formation de ").contains("reste à payer : 500.00 €",
        "Association des maires et présidents d'intercommunalités du Loiret");
    assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> sujet(m).contains(reference)))
        .as("no email without an address").noneMatch(m -> sujet(m).contains("contribution"));

    Reponse sansDate = terminerPar("conseiller45", "Tache_DemanderContributionCollectivite", "reponseCollectivite", "NON");
    assertThat(sansDate.statut()).isEqualTo(400);
    assertThat(sansDate.brute().body()).contains("dateEnvoiCourrierCollectivite");
    terminer("Tache_DemanderContributionCollectivite", "reponseCollectivite", "NON",
        "dateEnvoiCourrierCollectivite", LocalDate.now(CalendrierOuvre.FUSEAU).toString());
    assertThat(dossier().get("demandeCollectivite").asText())
        .isEqualTo("courrier posté le " + Jour.enFrancais(LocalDate.now(CalendrierOuvre.FUSEAU)));
    assertThat(attendus(dossier())).as("the élu's validation is still awaited").contains("INSCRIPTION_VALIDEE");
  }
}
