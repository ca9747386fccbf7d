package fr.elus.dife.navigateur;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.indicateurs.DossiersMesures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The analyst's dashboard and the Dossiers tab of dife-parcours, in Cockpit, as the analyst uses them. */
@ApplicationDemarree
class CockpitIndicateursTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine moteur;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void tableauDeBordPuisOngletDossiers() throws Exception {
    DossiersMesures dossiers = DossiersMesures.construire(new ClientHttp(port), moteur);
    String enRetard = dossiers.b;
    String abandonne = dossiers.c;
    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("cockpit", "analyste", "demo");
      // Cockpit's start page: the card, and the entry in the navigation
      WebElement carte = navigateur.attente().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".dife-page a[href='#/dife-indicateurs']")));
      assertThat(carte.findElement(By.xpath("..")).getAttribute("textContent")).contains("dossiers en cours",
          "en retard aujourd'hui");
      navigateur.pilote().manage().window().setSize(new Dimension(1400, 2300));
      navigateur.cliquable("a.dife-lien-indicateurs").click();

      navigateur.visible(".dife-tableau-de-bord .dife-statuts svg");
      // one association, a period of March 2021: the three dossiers built for the indicators
      new Select(navigateur.visible(".dife-tableau-de-bord select[name=association]")).selectByValue("aml45");
      saisirDate(navigateur, "depuis", "2021-03-01");
      saisirDate(navigateur, "jusqua", "2021-03-31");
      navigateur.cliquable(".dife-tableau-de-bord button[type=submit]").click();
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".dife-tableau-de-bord .dife-durees"), "90 % en 5,6 j (3)"));
      // pictures, not tables: status now, closures, months, stages, deadlines
      assertThat(navigateur.pilote().findElements(By.cssSelector(".dife-tableau-de-bord svg.dife-graphique")))
          .hasSize(5);
      assertThat(navigateur.pilote().findElements(By.cssSelector(".dife-mois svg rect[fill]"))).hasSizeGreaterThanOrEqualTo(2);
      assertThat(navigateur.visible(".dife-tableau-de-bord").getText()).contains("Dossiers par statut aujourd'hui",
          "Ouverts et clos par mois", "Temps passé dans chaque étape", "tranches d'au plus 25 % de la durée", "Délais tenus et manqués",
          "Vérification AR24 sous 24 h ouvrées", "50,0 % tenus", "Dossiers en retard aujourd'hui", enRetard);
      assertThat(navigateur.visible(".dife-tableau-de-bord .dife-retards").getText()).doesNotContain(abandonne);
      assertThat(navigateur.visible(".dife-export-xlsx").getAttribute("href"))
          .contains("/api/dossiers/export?format=xlsx", "association=aml45", "depuis=2021-03-01");
      navigateur.capture("cockpit-indicateurs");

      // a late dossier opens in Cockpit, where the analyst is offered no action
      navigateur.cliquable(".dife-retards a[href*='" + instance(enRetard) + "']").click();
      navigateur.attente().until(ExpectedConditions.urlContains("#/process-instance/" + instance(enRetard)));
      navigateur.attente().until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("dife-analyste"));
      navigateur.attente().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ctn-toolbar")));
      assertThat(navigateur.pilote().findElements(By.cssSelector(".ctn-toolbar"))).allMatch(e -> !e.isDisplayed());

      // the Dossiers tab of the journey's definition
      String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("dife-parcours")
          .latestVersion().singleResult().getId();
      navigateur.pilote().manage().window().setSize(new Dimension(1400, 1000));
      navigateur.ouvrir("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
      navigateur.attente().until(ExpectedConditions.elementToBeClickable(
          By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Dossiers']"))).click();
      navigateur.visible(".dife-onglet-dossiers table");
      new Select(navigateur.visible(".dife-onglet-dossiers select[name=association]")).selectByValue("aml45");
      new Select(navigateur.visible(".dife-onglet-dossiers select[name=statut]")).selectByValue("IDENTITE_NUMERIQUE");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".dife-onglet-dossiers table"), enRetard));
      WebElement ligne = navigateur.pilote().findElement(By.xpath("//tr[contains(@class,'dife-dossier')][td[contains(.,'"
          + enRetard + "')]]"));
      assertThat(ligne.getText()).contains("aml45", "Identité Numérique", "Appeler l'assistance La Poste");
      navigateur.capture("cockpit-onglet-dossiers");
      new Select(navigateur.visible(".dife-onglet-dossiers select[name=statut]")).selectByValue("CLOS_ABANDON");
      new Select(navigateur.visible(".dife-onglet-dossiers select[name=etat]")).selectByValue("CLOS");
      navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".dife-onglet-dossiers table"), abandonne));
      assertThat(navigateur.visible(".dife-onglet-dossiers table").getText()).contains("Clos : abandon", "clos le")
          .doesNotContain(enRetard);
    }
  }

  private String instance(String reference) {
    return moteur.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("dife-parcours")
        .processInstanceBusinessKey(reference).singleResult().getId();
  }

  // a date input takes the digits in the browser's order (French: jj mm aaaa)
  private static void saisirDate(Navigateur navigateur, String nom, String iso) {
    navigateur.pilote().executeScript("arguments[0].value = arguments[1]",
        navigateur.visible(".dife-tableau-de-bord input[name=" + nom + "]"), iso);
  }
}
