package fr.elus.dife.navigateur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A conseiller's day in a real browser: a new dossier walked through Tasklist forms
 * only (the outside events come through the API, as La Poste, the CDC and the
 * organisme would send them), across the postal procedure and a CDC escalation, to
 * its closure; the other association's conseiller sees none of it.
 */
@ApplicationDemarree
class JourneeDuConseillerTest {

  private static final DateTimeFormatter FORMULAIRE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  private ClientHttp http;
  private String reference;
  private int evenements;

  private String tache(String definition) {
    Attente.jusqua("la tâche " + definition, () -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(definition).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult().getId();
  }

  private void attendreFin(String idTache) {
    Attente.jusqua("la fin de la tâche " + idTache, () ->
        historyService.createHistoricTaskInstanceQuery().taskId(idTache).finished().count() == 1);
  }

  private void evenement(String type, Map<String, Object> donnees) {
    String id = "e2e-" + reference + "-" + ++evenements;
    Attente.jusqua("l'attente de " + type, () -> http.post("conseiller45", "/api/dossiers/" + reference + "/evenements",
        Map.of("idEvenement", id, "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees))
        .statut() == 202);
  }

  @Test
  void unDossierDeLOuvertureALaClotureDansTasklist() throws Exception {
    http = new ClientHttp(port);
    ObjectNode demande = DossiersDeTest.demande(true);
    ((ObjectNode) demande.get("situation").get("smartphone")).put("os", "AUCUN").remove("version");
    String nom = demande.get("elu").get("nomNaissance").asText();
    reference = http.post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();
    String aujourdhui = LocalDate.now(CalendrierOuvre.FUSEAU).format(FORMULAIRE);

    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Procédures courrier en attente"));

      // the postal procedure
      String courrier = tache("Tache_PreparerCourrier");
      navigateur.traiter(courrier, () -> {
        navigateur.cocher("Oui");
        navigateur.cocher("Pièce d'identité");
        navigateur.cocher("Carte Vitale ou attestation de droits");
        navigateur.cocher("Formulaire complété et signé");
        navigateur.saisir("Date de postage", aujourdhui);
        navigateur.capture("journee-1-procedure-courrier");
      });
      attendreFin(courrier);
      // the registered letter verifies the identity: no smartphone, no app to activate
      evenement("COURRIER_RECOMMANDE_RECU", Map.of());

      // the rights are missing: escalation to the CDC, which asks for a piece
      String droits = tache("Tache_VerifierDroitsElu");
      navigateur.traiter(droits, () -> navigateur.cocher("Non : écrire à la Caisse des Dépôts"));
      attendreFin(droits);
      evenement("REPONSE_CDC", Map.of("resolu", false, "piecesDemandees", List.of("Arrêté de délégation")));
      String pieces = tache("Tache_RassemblerPieces");
      navigateur.traiter(pieces, () -> {
        navigateur.saisir("Éléments envoyés à la CDC", "Arrêté de délégation signé du maire.");
        navigateur.capture("journee-2-pieces-cdc");
      });
      attendreFin(pieces);
      evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
      String droitsVisibles = tache("Tache_VerifierDroitsElu");
      navigateur.traiter(droitsVisibles, () -> {
        navigateur.cocher("Oui");
        navigateur.saisir("Montant disponible affiché", "700");
      });
      attendreFin(droitsVisibles);

      // a session too close: 10 working days only, the conseiller closes the dossier
      LocalDate debut = CalendrierOuvre.ajouterJoursOuvres(LocalDate.now(CalendrierOuvre.FUSEAU), 11, null);
      String choix = tache("Tache_ChoisirFormation");
      navigateur.traiter(choix, () -> {
        navigateur.cocher("Onglet RECHERCHE");
        navigateur.saisir("Organisme de formation", "Institut des élus");
        navigateur.saisir("Intitulé de la formation", "Urbanisme et PLU");
        navigateur.saisir("Début de la session", debut.format(FORMULAIRE));
        navigateur.saisir("Fin de la session", debut.format(FORMULAIRE));
        navigateur.saisir("Coût pédagogique", "500");
        navigateur.saisir("Code INSEE du lieu de formation", "45234");
      });
      attendreFin(choix);
      String inscription = tache("Tache_InscrireSurMcf");
      navigateur.traiter(inscription, () -> navigateur.cocher("Dossier d'inscription envoyé"));
      attendreFin(inscription);
      evenement("PROPOSITION_ORGANISME", Map.of("dateAcceptation", LocalDate.now(CalendrierOuvre.FUSEAU).toString(),
          "dateDebut", debut.toString(), "dateFin", debut.toString(), "coutFormation", "500.00", "codeInseeLieu", "45234"));
      String decision = tache("Tache_DecisionDelaiNonTenu");
      navigateur.traiter(decision, () -> {
        navigateur.capture("journee-3-delai-non-tenu");
        navigateur.cocher("Clore le dossier");
      });
      attendreFin(decision);
      Attente.jusqua("la clôture", () -> http.get("conseiller45", "/api/dossiers/" + reference).corps()
          .get("statutDossier").asText().equals("CLOS_DIFE_NON_MOBILISE"));

      // the other association sees nothing of it
      navigateur.pilote().manage().deleteAllCookies();
      navigateur.connecter("tasklist", "conseiller79", "demo");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Tâches de mon équipe"));
      navigateur.capture("journee-4-conseiller79");
      assertThat(navigateur.pilote().findElement(By.cssSelector("body")).getText()).doesNotContain(nom);
    }
    assertThat(http.get("conseiller79", "/api/dossiers/" + reference).statut()).isEqualTo(404);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).finished()
        .taskAssignee("conseiller45").count()).isGreaterThanOrEqualTo(7);
  }
}
