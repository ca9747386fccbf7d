package fr.elus.dife.navigateur;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A conseiller records an account creation in Tasklist, in a real browser. */
@ApplicationDemarree
class TasklistCreationCompteTest {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @Test
  void leConseillerRemplitLeFormulaireFrancaisEtLeDossierAvance() throws Exception {
    var demande = DossiersDeTest.demande(false);
    String nom = demande.get("elu").get("nomNaissance").asText();
    String reference = new ClientHttp(port).post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();
    Attente.jusqua("la tâche de création du compte",
        () -> taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 1);
    Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();

    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Tâches de mon équipe"));
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
          "Accompagner la création du compte"));
      navigateur.capture("tasklist-liste-conseiller45");
      navigateur.ouvrir("/camunda/app/tasklist/default/#/?task=" + tache.getId());
      WebElement formulaire = navigateur.visible(".fjs-form");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), nom));
      assertThat(formulaire.getText()).contains("Compte Mon Compte Formation de Claire Anne " + nom,
          "Comment le compte a-t-il été créé ?", "Ne demandez ni ne notez jamais le mot de passe");
      navigateur.capture("tasklist-creer-compte-formation");

      navigateur.cliquable("button[ng-click=\"claim()\"]").click();
      navigateur.attente().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click=\"unclaim()\"]")));
      navigateur.attente().until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(., 'Parcours en 4 étapes')]"))).click();
      WebElement date = navigateur.cliquable(".fjs-form input[placeholder='jj/mm/aaaa']");
      date.sendKeys(LocalDate.now(CalendrierOuvre.FUSEAU).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.TAB);
      for (String etape : new String[] {"1. Identité", "2. Contact", "3. Adresse", "4. Mot de passe et CGU"}) {
        navigateur.pilote().findElement(By.xpath("//label[contains(., '" + etape + "')]")).click();
      }
      navigateur.visible(".fjs-form textarea").sendKeys("Compte créé avec l'élu en mairie.");
      navigateur.capture("tasklist-creer-compte-formation-rempli");
      navigateur.cliquable("button[ng-click=\"complete()\"]").click();

      Attente.jusqua("la fin de la tâche", () ->
          historyService.createHistoricTaskInstanceQuery().taskId(tache.getId()).finished().count() == 1);
    }

    var variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(tache.getProcessInstanceId()).list();
    assertThat(variables).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("modeCreationCompte");
      assertThat(v.getValue()).isEqualTo("QUATRE_ETAPES");
    });
    assertThat(variables).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("compteFormation");
      assertThat(v.getValue()).isEqualTo(true);
    });
    // the dossier moved on to the Identité Numérique stage
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(tache.getProcessInstanceId())
        .activityId("Appel_IdentiteNumerique").count()).isEqualTo(1);
    assertThat(Files.exists(Path.of("target/captures/tasklist-creer-compte-formation.png"))).isTrue();
  }
}
