package fr.elus.dife.navigateur;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.DossiersDeTest;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An analyst opens each process of the journey in Cockpit: its diagram (BPMNDI) renders with its instances. */
@ApplicationDemarree
class CockpitDiagrammesTest {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void chaqueDiagrammeSAfficheDansCockpit() throws Exception {
    String reference = new ClientHttp(port).post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false))
        .corps().get("reference").asText();
    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("cockpit", "analyste", "demo");
      for (String cle : List.of("dife-parcours", "dife-identite-numerique", "dife-escalade-cdc", "dife-inscription-formation")) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(cle)
            .latestVersion().singleResult();
        var noeuds = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class);
        navigateur.ouvrir("/camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime");
        // this diagram, not the previous one still on screen during the navigation
        navigateur.attente().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
            ".djs-container [data-element-id='" + noeuds.iterator().next().getId() + "']")));
        int formes = navigateur.pilote().findElements(By.cssSelector(".djs-container .djs-element.djs-shape")).size();
        int modele = noeuds.size();
        assertThat(formes).as(cle).isGreaterThanOrEqualTo(modele);
        if (cle.equals("dife-parcours")) {
          // the running instances, the analyst's dossier among them
          navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), reference));
        }
        navigateur.capture("cockpit-" + cle);
      }
    }
  }
}
