package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The longest journey, from opening to CLOS_FORMATION_SUIVIE, as the outside sees
 * it: /api for dossiers and events, /engine-rest for the conseiller's tasks and,
 * as an administrator would in Cockpit, to fire the timers that would take weeks.
 */
@ApplicationDemarree
class PlusLongParcoursApiTest {

  @LocalServerPort
  int port;
  @Autowired
  GreenMail smtp;

  private ClientHttp http;
  private String reference;
  private int evenements;

  private JsonNode dossier() {
    return http.get("conseiller45", "/api/dossiers/" + reference).corps();
  }

  private String tache(String definition) {
    Attente.jusqua("la tâche " + definition, () -> http.get("conseiller45",
        "/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + definition).corps().size() == 1);
    return http.get("conseiller45", "/engine-rest/task?processInstanceBusinessKey=" + reference
        + "&taskDefinitionKey=" + definition).corps().get(0).get("id").asText();
  }

  private void terminer(String definition, Object... clesValeurs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      variables.put((String) clesValeurs[i], Map.of("value", clesValeurs[i + 1]));
    }
    Reponse reponse = http.post("conseiller45", "/engine-rest/task/" + tache(definition) + "/complete",
        Map.of("variables", variables));
    assertThat(reponse.statut()).as(definition + " : " + reponse.brute().body()).isEqualTo(204);
  }

  private void evenement(String type, Map<String, Object> donnees) {
    String id = type + "-" + reference + "-" + ++evenements;
    Attente.jusqua("l'attente de " + type, () -> http.post("conseiller45", "/api/dossiers/" + reference + "/evenements",
        Map.of("idEvenement", id, "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees))
        .statut() == 202);
  }

  /** What an administrator does in Cockpit to fire a timer now. */
  private void declencherTimer(String activite) {
    Attente.jusqua("le timer " + activite, () -> jobTimer(activite) != null);
    assertThat(http.post("admin", "/engine-rest/job/" + jobTimer(activite) + "/execute", Map.of()).statut()).isEqualTo(204);
  }

  private String jobTimer(String activite) {
    for (JsonNode instance : http.get("admin", "/engine-rest/process-instance?businessKey=" + reference).corps()) {
      JsonNode jobs = http.get("admin", "/engine-rest/job?timers=true&activityId=" + activite
          + "&processInstanceId=" + instance.get("id").asText()).corps();
      if (jobs.size() == 1) {
        return jobs.get(0).get("id").asText();
      }
    }
    return null;
  }

  @Test
  void delOuvertureALaFormationSuivie() {
    http = new ClientHttp(port);
    ObjectNode demande = DossiersDeTest.demande(false);
    ObjectNode situation = (ObjectNode) demande.get("situation");
    ((ObjectNode) situation.get("smartphone")).put("os", "AUCUN").remove("version");
    reference = http.post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();
    String aujourdhui = LocalDate.now().toString();

    terminer("Tache_CreerCompteFormation", "modeCreationCompte", "QUATRE_ETAPES", "dateCreationCompte", aujourdhui);
    // no smartphone: the postal procedure, its 4-week reminder, then face to face
    terminer("Tache_PreparerCourrier", "reponseCompteMcf", "OUI", "datePostage", aujourdhui,
        "piecesCourrier", List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"));
    declencherTimer("Timer_QuatreSemaines");
    terminer("Tache_SuivreCourrier", "resultatSuiviCourrier", "Courrier pas encore reçu.");
    evenement("COURRIER_RECOMMANDE_RECU", Map.of());
    evenement("VERIFICATION_FACE_A_FACE_FAITE", Map.of());
    terminer("Tache_ActiverApplication", "applicationActivee", true, "dateActivation", aujourdhui);

    // rights missing: the CDC asks for a piece, then solves it
    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "NON");
    evenement("REPONSE_CDC", Map.of("resolu", false, "piecesDemandees", List.of("Arrêté de délégation")));
    terminer("Tache_RassemblerPieces", "piecesEnvoyees", "Arrêté de délégation du maire.");
    evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "OUI", "montantDroitsLu", "700");

    // a training far enough ahead; FranceConnect+ fails once on registration
    LocalDate debut = CalendrierOuvre.ajouterJoursOuvres(LocalDate.now(), 20, null);
    terminer("Tache_ChoisirFormation", "moyenRecherche", "DROITS_MANDAT", "organismeFormation", "Institut des élus",
        "intituleFormation", "Budget communal", "dateDebutFormation", debut.toString(),
        "dateFinFormation", debut.plusDays(1).toString(), "coutFormation", "1200", "codeInseeLieuFormation", "75056");
    terminer("Tache_InscrireSurMcf", "issueInscription", "ECHEC_FRANCECONNECT", "descriptionErreur", "Erreur technique MCF");
    evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
    terminer("Tache_InscrireSurMcf", "issueInscription", "DOSSIER_ENVOYE");
    evenement("PROPOSITION_ORGANISME", Map.of("dateAcceptation", aujourdhui, "dateDebut", debut.toString(),
        "dateFin", debut.plusDays(1).toString(), "coutFormation", "1200.00", "codeInseeLieu", "75056"));
    terminer("Tache_DemanderContributionCollectivite", "reponseCollectivite", "OUI",
        "contributionCollectiviteAccordee", "400");
    Attente.jusqua("l'attente de la validation", () -> dossier().get("echeances").findValuesAsText("nom")
        .contains("Début de la formation"));
    JsonNode enValidation = dossier();
    assertThat(enValidation.get("statutDossier").asText()).isEqualTo("VALIDATION");
    assertThat(enValidation.get("repartition").get("priseEnChargeDife").asText()).isEqualTo("700.00");
    assertThat(enValidation.get("repartition").get("contributionCollectivite").asText()).isEqualTo("400.00");
    assertThat(enValidation.get("repartition").get("resteAChargeElu").asText()).isEqualTo("100.00");
    evenement("INSCRIPTION_VALIDEE", Map.of("dateValidation", aujourdhui));

    // the training, then the frais THR
    Attente.jusqua("la formation", () -> dossier().get("statutDossier").asText().equals("EN_FORMATION"));
    declencherTimer("Timer_FinFormation");
    terminer("Tache_DeclarerFraisThr", "repasPris", 2, "codeInseeNuitee1", "75056", "nombreNuitees1", 1);

    Attente.jusqua("la clôture", () -> dossier().get("statutDossier").asText().equals("CLOS_FORMATION_SUIVIE"));
    JsonNode clos = dossier();
    assertThat(clos.hasNonNull("dateCloture")).isTrue();
    assertThat(clos.get("etapes")).isEmpty();
    assertThat(clos.get("echeances")).isEmpty();
    List<String> historique = clos.get("historique").findValuesAsText("description");
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Vos frais de repas et d'hébergement"));
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Avez-vous reçu le courrier recommandé"));
    assertThat(historique).anySatisfy(d -> assertThat(d).contains("Échec FranceConnect+"));
    assertThat(clos.get("historique").findValuesAsText("type").stream().filter("EVENEMENT"::equals)).hasSize(evenements);

    // what the élu received
    String email = demande.get("elu").get("email").asText();
    assertThat(corps(email, "qui paie")).contains("pris en charge par votre DIFE", "700.00 €",
        "collectivité : 400.00 €", "reste à votre charge, à régler par virement : 100.00 €",
        "Je confirme mon inscription");
    assertThat(corps(email, "frais de repas")).contains("2 repas : 35.00 €", "1 nuitée(s) : 110.00 €",
        "soit 145.00 € au total", "motif « Ma formation en tant qu'élu », sous-motif « Frais THR »");
  }

  private String corps(String destinataire, String motsDuSujet) {
    return CourrielsRecus.texte(CourrielsRecus.a(smtp, destinataire, motsDuSujet).get(0));
  }
}
