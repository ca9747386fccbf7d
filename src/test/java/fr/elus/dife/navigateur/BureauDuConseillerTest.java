package fr.elus.dife.navigateur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The conseiller's desk as an English-speaking browser shows it: French screens,
 * French dates, cards naming the élu, the Dossier tab with its outside events, the
 * dossiers page and a new dossier.
 */
@ApplicationDemarree
class BureauDuConseillerTest {

  private static final DateTimeFormatter FRANCAIS = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String TASKLIST = "/camunda/app/tasklist/default/";

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;

  private String ouvrir(ObjectNode demande) {
    return new ClientHttp(port).post("conseiller45", "/api/dossiers", demande).corps().get("reference").asText();
  }

  private String tache(String reference, String definition) {
    Attente.jusqua("la tâche " + definition, () -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(definition).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult().getId();
  }

  private static String texte(Navigateur navigateur) {
    return navigateur.pilote().findElement(By.cssSelector("body")).getText();
  }

  private static void attendreTexte(Navigateur navigateur, String css, String attendu) {
    try {
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), attendu));
    } catch (RuntimeException e) {
      navigateur.capture("echec-" + attendu.replaceAll("[^A-Za-z0-9]", "_"));
      throw e;
    }
  }

  @Test
  void lesWebappsSontEnFrancaisPourUnNavigateurAnglais() throws Exception {
    try (Navigateur navigateur = new Navigateur(port)) {
      assertThat(navigateur.pilote().executeScript("return navigator.language")).isEqualTo("en-US");
      navigateur.ouvrir(TASKLIST);
      WebElement connexion = new WebDriverWait(navigateur.pilote(), Duration.ofSeconds(90))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type=submit]")));
      assertThat(connexion.getText()).isEqualTo("Se connecter");
      assertThat(navigateur.pilote().findElement(By.cssSelector("input[ng-model=username]")).getAttribute("placeholder"))
          .isEqualTo("Identifiant");
      navigateur.capture("francais-1-connexion");

      navigateur.connecter("tasklist", "conseiller45", "demo");
      attendreTexte(navigateur, "body", "Tâches de mon équipe");
      attendreTexte(navigateur, "body", "Dossiers");
      String page = texte(navigateur);
      assertThat(navigateur.visible("#dife-recherche-taches").getAttribute("placeholder"))
          .isEqualTo("Rechercher un élu, une commune ou un dossier");
      assertThat(page).contains("Mes tâches", "En attente d'un événement", "Nouveau dossier")
          .doesNotContain("Start process", "Démarrer un processus", "Claim", "Camunda 8", "Create task", "Filters");
      assertThat(navigateur.pilote().findElements(By.cssSelector(".ce-eol-banner")))
          .allSatisfy(banniere -> assertThat(banniere.isDisplayed()).isFalse());
      navigateur.capture("francais-2-tasklist");

      navigateur.ouvrir("/camunda/app/welcome/default/");
      attendreTexte(navigateur, "body", "Applications");
      assertThat(texte(navigateur)).contains("Modifier le profil", "Liens").doesNotContain("My profile", "Camunda 8");
      navigateur.pilote().manage().deleteAllCookies();
      navigateur.connecter("cockpit", "analyste", "demo");
      attendreTexte(navigateur, "body", "Définitions de processus");
      assertThat(texte(navigateur)).doesNotContain("Process Definitions", "Camunda 8");
      navigateur.capture("francais-3-cockpit");
    }
  }

  @Test
  void uneDateSaisieALaFrancaiseEstCelleQueLeConseillerAVoulue() throws Exception {
    String reference = ouvrir(DossiersDeTest.demande(false));
    String idTache = tache(reference, "Tache_CreerCompteFormation");
    LocalDate aujourdhui = LocalDate.now(CalendrierOuvre.FUSEAU);
    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      navigateur.ouvrir(TASKLIST + "#/?task=" + idTache);
      navigateur.visible(".fjs-form");
      // « Terminer » is greyed until the task is taken: the form says why
      attendreTexte(navigateur, ".dife-indice-prise", "Prenez d'abord la tâche");
      navigateur.cliquable("button[ng-click=\"claim()\"]").click();
      navigateur.attente().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click=\"unclaim()\"]")));
      navigateur.attente().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dife-indice-prise")));
      navigateur.cocher("Parcours en 4 étapes");
      for (String etape : new String[] {"1. Identité", "2. Contact", "3. Adresse", "4. Mot de passe et CGU"}) {
        navigateur.cocher(etape);
      }
      WebElement date = navigateur.visible(".fjs-form .fjs-datepicker input");
      assertThat(date.getAttribute("placeholder")).isEqualTo("jj/mm/aaaa");

      // empty, then before the dossier's opening: French messages naming the field
      navigateur.pilote().executeScript("arguments[0].click()", navigateur.cliquable("button[ng-click=\"complete()\"]"));
      attendreTexte(navigateur, ".fjs-form", "Ce champ est obligatoire.");
      assertThat(navigateur.visible(".fjs-form").getText()).doesNotContain("Field is required");
      navigateur.saisir("Date de création du compte", aujourdhui.minusDays(1).format(FRANCAIS));
      navigateur.capture("dates-1-formulaire");
      navigateur.pilote().executeScript("arguments[0].click()", navigateur.cliquable("button[ng-click=\"complete()\"]"));
      attendreTexte(navigateur, "body", "précède l'ouverture du dossier");
      assertThat(texte(navigateur)).contains("« Date de création du compte » : le "
          + aujourdhui.minusDays(1).format(FRANCAIS) + " précède l'ouverture du dossier");
      navigateur.capture("dates-2-refus");

      // today as a French conseiller types it (01/12/2026 on 1 December)
      navigateur.saisir("Date de création du compte", aujourdhui.format(FRANCAIS));
      navigateur.pilote().executeScript("arguments[0].click()", navigateur.cliquable("button[ng-click=\"complete()\"]"));
      Attente.jusqua("la fin de la tâche", () ->
          historyService.createHistoricTaskInstanceQuery().taskId(idTache).finished().count() == 1);
    }
    String processInstanceId = historyService.createHistoricTaskInstanceQuery().taskId(idTache).singleResult()
        .getProcessInstanceId();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("dateCreationCompte").singleResult().getValue()).isEqualTo(aujourdhui.toString());
  }

  @Test
  void lesCartesNommentLEluEtLaRechercheLeTrouve() throws Exception {
    ObjectNode demande = DossiersDeTest.demande(false);
    ((ObjectNode) demande.get("elu").get("collectivite")).put("nom", "Fleury-les-Aubrais").put("codeInsee", "45147");
    String nom = demande.get("elu").get("nomNaissance").asText();
    String reference = ouvrir(demande);
    tache(reference, "Tache_CreerCompteFormation");
    String autre = ouvrir(DossiersDeTest.demande(false));
    tache(autre, "Tache_CreerCompteFormation");
    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      attendreTexte(navigateur, "ol.tasks-list", nom);
      WebElement carte = navigateur.pilote().findElement(By.xpath(
          "//ol[contains(@class,'tasks-list')]/li[.//*[normalize-space(.)='" + nom + "']]"));
      assertThat(carte.getText()).contains("Élu:", nom, "Prénoms:", "Claire Anne", "Collectivité:",
          "Fleury-les-Aubrais", "Dossier:", reference);

      // searched in lower case, part of the name
      WebElement recherche = navigateur.cliquable("#dife-recherche-taches");
      recherche.sendKeys(nom.substring(0, nom.length() - 1).toLowerCase());
      navigateur.cliquable(".dife-recherche-elu button").click();
      try {
        navigateur.attente().until(d -> {
          List<WebElement> cartes = d.findElements(By.cssSelector("ol.tasks-list > li.task"));
          return cartes.size() == 1 && cartes.get(0).getText().contains(reference);
        });
      } catch (RuntimeException e) {
        navigateur.capture("echec-recherche");
        throw new AssertionError("Recherche : " + navigateur.pilote().getCurrentUrl(), e);
      }
      navigateur.capture("cartes-recherche-elu");
      assertThat(navigateur.visible("ol.tasks-list").getText()).doesNotContain(autre);
    }
  }

  @Test
  void lOngletDossierMontreLeDossierEtEnregistreUnEvenementUneSeuleFois() throws Exception {
    ObjectNode demande = DossiersDeTest.demande(true);
    ((ObjectNode) demande.get("situation").get("smartphone")).put("os", "AUCUN").remove("version");
    String nom = demande.get("elu").get("nomNaissance").asText();
    String reference = ouvrir(demande);
    String courrier = tache(reference, "Tache_PreparerCourrier");
    taskService.complete(courrier, Map.of("reponseCompteMcf", "OUI",
        "piecesCourrier", List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"),
        "datePostage", LocalDate.now(CalendrierOuvre.FUSEAU).toString()));
    Attente.jusqua("l'attente du courrier", () -> jdbc.queryForObject(
        "select count(*) from dife_dossier_lecture where reference = ? and evenements_attendus = 'COURRIER_RECOMMANDE_RECU' "
            + "and taches_ouvertes = 0", Integer.class, reference) == 1);

    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      // no task: the dossier is in the shared list of dossiers waiting for an outside event
      navigateur.cliquable(".dife-nav-attente").click();
      attendreTexte(navigateur, ".dife-liste", reference);
      assertThat(navigateur.pilote().findElement(By.cssSelector("tr[data-reference='" + reference + "']")).getText())
          .contains(nom, "Identité Numérique La Poste", "Attend : Courrier recommandé reçu par l'élu", "Dans ");
      navigateur.capture("attente-evenement");

      // four weeks later, the follow-up task; its form points to the Dossier tab
      String identite = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey("dife-identite-numerique").singleResult().getId();
      Job relance = managementService.createJobQuery().processInstanceId(identite).timers().singleResult();
      managementService.executeJob(relance.getId());
      String suivi = tache(reference, "Tache_SuivreCourrier");
      navigateur.ouvrir(TASKLIST + "#/?task=" + suivi);
      attendreTexte(navigateur, ".fjs-form", "onglet Dossier");
      navigateur.cliquable("a[ng-click='selectTaskDetailTab(taskDetailTab)']");
      navigateur.pilote().findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Dossier']"))
          .click();
      attendreTexte(navigateur, ".dife-vue-dossier", "Courriels envoyés");
      String onglet = navigateur.visible(".dife-vue-dossier").getText();
      assertThat(onglet).contains("Dossier " + reference + " — " + nom + " Claire Anne",
          "Statut : Identité Numérique La Poste", "Nom d'usage DURAND", "Téléphone mobile 0612345678",
          "Faire le point sur le courrier recommandé", "Pièces jointes au courrier recommandé : Pièce d'identité",
          "Courriel", "Historique", "Préparer la procédure courrier", "Statut du dossier : IDENTITE_NUMERIQUE",
          "Pas encore calculée");
      assertThat(navigateur.pilote().findElements(By.cssSelector(".dife-echeances .dife-retard, .dife-echeances td")))
          .isNotEmpty();
      navigateur.capture("onglet-dossier");

      navigateur.cliquer(".dife-attendus button[data-type='COURRIER_RECOMMANDE_RECU']");
      WebElement formulaire = navigateur.visible("form[data-evenement='COURRIER_RECOMMANDE_RECU']");
      WebElement date = formulaire.findElement(By.id("dife-ev-date"));
      date.clear();
      date.sendKeys("31/02/2026");
      formulaire.findElement(By.cssSelector("button[type=submit]")).click();
      attendreTexte(navigateur, "[data-erreur='date']", "jj/mm/aaaa");
      date.clear();
      date.sendKeys(LocalDate.now(CalendrierOuvre.FUSEAU).format(FRANCAIS));
      navigateur.capture("onglet-dossier-evenement");
      // a double click sends the form twice with the same idEvenement
      new Actions(navigateur.pilote()).doubleClick(formulaire.findElement(By.cssSelector("button[type=submit]")))
          .perform();
      attendreTexte(navigateur, ".dife-onglet-dossier .dife-succes", "Courrier recommandé reçu par l'élu : enregistré");
      // the registered letter verified the identity: the dossier goes on to the élu's rights
      tache(reference, "Tache_VerifierDroitsElu");
      navigateur.ouvrir(TASKLIST + "#/dossiers?reference=" + reference);
      attendreTexte(navigateur, ".dife-historique", "Événement COURRIER_RECOMMANDE_RECU");
      assertThat(navigateur.visible(".dife-historique").getText()).contains("Événement COURRIER_RECOMMANDE_RECU");
      navigateur.capture("onglet-dossier-apres-evenement");
    }
    assertThat(jdbc.queryForObject("select count(*) from dife_evenement where reference = ? and type = ?",
        Integer.class, reference, "COURRIER_RECOMMANDE_RECU")).isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(
        historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
            .taskDefinitionKey("Tache_SuivreCourrier").singleResult().getId()).singleResult().getDeleteReason())
        .isNotNull();
  }

  @Test
  void unNouveauDossierCorrigeSOuvreEtSeRetrouve() throws Exception {
    String nom = DossiersDeTest.nomUnique();
    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      navigateur.cliquable(".dife-nav-nouveau").click();
      navigateur.visible(".dife-nouveau-dossier");
      Map<String, String> champs = Map.ofEntries(Map.entry("elu-nomNaissance", nom),
          Map.entry("elu-prenoms", "Louise"), Map.entry("elu-dateNaissance", "04/03/1968"),
          Map.entry("elu-lieuNaissance", "Gien"), Map.entry("elu-email", "adresse-sans-arobase"),
          Map.entry("elu-telephoneMobile", "0698765432"), Map.entry("elu-collectivite-nom", "Gien"),
          Map.entry("elu-collectivite-codeInsee", "45155"), Map.entry("elu-mandat", "Maire"));
      champs.forEach((id, valeur) -> navigateur.visible("#dife-nd-" + id).sendKeys(valeur));
      for (String choix : new String[] {"situation-compteFormation", "situation-identiteNumerique",
          "situation-franceIdentite", "situation-pieceIdentiteFrancaiseValide", "situation-cameraEtMicro"}) {
        ((JavascriptExecutor) navigateur.pilote()).executeScript(
            "var s=document.getElementById(arguments[0]); s.value=arguments[1];", "dife-nd-" + choix,
            choix.endsWith("cameraEtMicro") || choix.endsWith("Valide") ? "true" : "false");
      }
      navigateur.visible("#dife-nd-situation-smartphone-version").sendKeys("13");
      navigateur.cliquer(".dife-nouveau-dossier button[type=submit]");
      attendreTexte(navigateur, "[data-erreur='elu.email']", "Courriel");
      assertThat(navigateur.visible("[data-erreur='elu.email']").getText()).doesNotContain("elu.email");
      navigateur.capture("nouveau-dossier-1-erreur");

      WebElement courriel = navigateur.visible("#dife-nd-elu-email");
      courriel.clear();
      courriel.sendKeys(nom.toLowerCase() + "@example.org");
      navigateur.cliquer(".dife-nouveau-dossier button[type=submit]");
      attendreTexte(navigateur, ".dife-dossier-ouvert", "ouvert");
      String reference = navigateur.visible(".dife-dossier-ouvert p").getText().replaceAll("Dossier (\\S+) ouvert\\.", "$1");
      navigateur.capture("nouveau-dossier-2-ouvert");
      navigateur.cliquer(".dife-dossier-ouvert a");
      attendreTexte(navigateur, ".dife-vue-dossier", "Dossier " + reference + " — " + nom + " Louise");
      assertThat(navigateur.visible(".dife-vue-dossier").getText()).contains("Gien (code INSEE 45155)", "Maire");

      // the list finds it by a part of the name, in lower case
      navigateur.cliquable(".dife-nav-dossiers").click();
      WebElement recherche = navigateur.cliquable("#dife-recherche");
      recherche.sendKeys(nom.substring(2).toLowerCase());
      navigateur.cliquer(".dife-filtres button[type=submit]");
      navigateur.attente().until(d -> d.findElements(By.cssSelector(".dife-liste tr[data-reference]")).size() == 1);
      assertThat(navigateur.visible(".dife-liste").getText()).contains(reference, nom, "Gien", "Compte Mon Compte Formation");
      navigateur.capture("dossiers-recherche");
    }
    assertThat(new ClientHttp(port).get("conseiller45", "/api/dossiers?recherche=" + nom.toLowerCase()).corps()
        .get("total").asInt()).isEqualTo(1);
  }
}
