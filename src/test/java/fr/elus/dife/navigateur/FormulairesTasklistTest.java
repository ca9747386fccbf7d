package fr.elus.dife.navigateur;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.parcours.Elus;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each form of the Identité Numérique, rights and escalation tasks, as Tasklist
 * shows it to the group that works it: the task is reached by starting its process
 * right before it, with a dossier's variables.
 */
@ApplicationDemarree
class FormulairesTasklistTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;

  private record Cas(String processus, String tache, String utilisateur, String texteAttendu) {
  }

  private static final List<Cas> CAS = List.of(
      new Cas("dife-identite-numerique", "Tache_AccompagnerEnLigne", "conseiller45", "Mode de vérification choisi par l'élu"),
      new Cas("dife-identite-numerique", "Tache_RendezVousBureauDePoste", "conseiller45", "Date prévue du passage"),
      new Cas("dife-identite-numerique", "Tache_PreparerCourrier", "conseiller45", "Libre réponse 78788"),
      new Cas("dife-identite-numerique", "Tache_SuivreCourrier", "conseiller45", "Résultat du point avec l'élu"),
      new Cas("dife-identite-numerique", "Tache_AppelerSupportLaPoste", "conseiller45", "09 70 81 00 50"),
      new Cas("dife-identite-numerique", "Tache_ActiverApplication", "conseiller45", "choisit lui-même son code de sécurité"),
      new Cas("dife-parcours", "Tache_VerifierDroitsElu", "conseiller45", "Le compte Élu apparaît-il ?"),
      new Cas("dife-escalade-cdc", "Tache_RassemblerPieces", "conseiller45", "Copie de la carte Vitale"),
      new Cas("dife-escalade-cdc", "Tache_EscaladeEnRetard", "superviseur45", "Action menée"),
      new Cas("dife-escalade-cdc", "Tache_EnregistrerPiecesIdentiteCdc", "conseiller45", "Aucune image de pièce"),
      new Cas("dife-escalade-cdc", "Tache_DeciderApresRefusCdc", "conseiller45", "Clore le dossier : la CDC refuse"),
      new Cas("dife-identite-numerique", "Tache_SuivreFaceAFace", "conseiller45", "Vérification en face à face faite"),
      new Cas("dife-identite-numerique", "Tache_ReprendreProcedureCourrier", "superviseur45", "4 relances hebdomadaires"),
      new Cas("dife-inscription-formation", "Tache_ChoisirFormation", "conseiller45", "Comment la formation a-t-elle été trouvée ?"),
      new Cas("dife-inscription-formation", "Tache_InscrireSurMcf", "conseiller45", "au plus tard le 02/03/2026"),
      new Cas("dife-inscription-formation", "Tache_RelancerOrganisme", "conseiller45", "Attendre encore"),
      new Cas("dife-inscription-formation", "Tache_DecisionDelaiNonTenu", "conseiller45", "10 jours ouvrés seulement"),
      new Cas("dife-inscription-formation", "Tache_DemanderContributionCollectivite", "conseiller45",
          "Date à laquelle le courrier a été posté"),
      new Cas("dife-inscription-formation", "Tache_ConstaterValidation", "conseiller45", "Je confirme mon inscription"),
      new Cas("dife-inscription-formation", "Tache_DeciderValidationManquee", "conseiller45",
          "au plus tard le 2030-03-08"),
      new Cas("dife-parcours", "Tache_DeclarerFraisThr", "conseiller45", "Nombre de repas"),
      new Cas("dife-parcours", "Tache_VerifierFraisThr", "conseiller45", "1 nuitée à Paris (75056) le 18/03/2026"),
      new Cas("dife-parcours", "Tache_EnregistrerDepotFraisThr", "conseiller45", "Date du dépôt de la demande sur MCF"),
      new Cas("dife-parcours", "Tache_EnregistrerPaiementFraisThr", "conseiller45", "Demande déposée sur MCF le 2026-03-23"));

  // dateLimiteValidation and the start ahead: the boundary timers of the validation and collectivity tasks would
  // otherwise fire at once
  private static Map<String, Object> dossier(String reference) {
    return Elus.avec("reference", reference, "nomUsage", null, "statutDossier", "IDENTITE_NUMERIQUE",
        "motifCanal", "En ligne, vérification par lettre recommandée électronique AR24", "modeVerification", "AR24",
        "datePostage", "2026-10-26", "motifEscalade", "DROITS_ELU_ABSENTS",
        "libelleMotifEscalade", "compte Élu absent de Mon Compte Formation", "dateEscalade", "2026-11-02",
        "adresseCdc", "cdc@example.org", "relancesCourrier", 4,
        "piecesDemandeesCdc", "Copie de la carte Vitale", "organismeFormation", "Institut des élus",
        "intituleFormation", "Finances locales", "dateAcceptation", "2026-03-03", "dateLimiteValidation", "2030-03-08",
        "departementDelais", null, "dateDebutFormation", "2030-03-18", "dateFinFormation", "2030-03-19",
        "coutFormation", "1200.00", "plafondCollectivite", "500.00",
        "demandeCollectivite", "courrier préparé le 20/02/2026, à imprimer et poster", "courrierCollectivite",
        "Objet : Formation de Claire MARTIN : contribution de Saint-Jean-de-Braye demandée\n\nMadame, Monsieur,",
        "joursOuvresInscription", 10, "alerteDelaiInscription",
        "L'organisme doit accepter la demande au plus tard le 02/03/2026 pour tenir les 11 jours ouvrés.",
        "fraisThr", Map.of("total", "145.00"), "dateDepotFraisThr", "2026-03-23", "fraisThrDetail",
        "- 2 repas, à 17,50 € : 35,00 €\n- 1 nuitée à Paris (75056) le 18/03/2026, à 110,00 € : 110,00 €\n"
            + "Total : 145,00 €");
  }

  @Test
  void chaqueFormulaireSAfficheEnFrancaisPourSonGroupe() throws Exception {
    try (Navigateur navigateur = new Navigateur(port)) {
      String connecte = null;
      for (int i = 0; i < CAS.size(); i++) {
        Cas cas = CAS.get(i);
        String reference = "DIFE-2026-9900" + String.format("%02d", i);
        // as an administrator of aml45 would (conseillers cannot start instances), whose association it takes
        identityService.setAuthentication("admin", List.of("camunda-admin"), List.of("aml45"));
        try {
          runtimeService.createProcessInstanceByKey(cas.processus()).businessKey(reference)
              .startBeforeActivity(cas.tache()).setVariables(dossier(reference)).execute();
        } finally {
          identityService.clearAuthentication();
        }
        Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(cas.tache())
            .singleResult();
        assertThat(tache.getTenantId()).isEqualTo("aml45");

        if (!cas.utilisateur().equals(connecte)) {
          navigateur.pilote().manage().deleteAllCookies();
          navigateur.connecter("tasklist", cas.utilisateur(), "demo");
          connecte = cas.utilisateur();
        }
        navigateur.ouvrir("/camunda/app/tasklist/default/#/?task=" + tache.getId());
        navigateur.visible(".fjs-form");
        navigateur.attente().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"),
            cas.texteAttendu()));
        assertThat(navigateur.pilote().findElement(By.cssSelector(".fjs-form")).getText()).contains("Claire MARTIN");
        navigateur.capture("formulaire-" + cas.tache());
        runtimeService.deleteProcessInstance(tache.getProcessInstanceId(), "capture faite");
      }
    }
  }

  /** The 800 € warning shows while the conseiller types the amount read on MCF, and the amount is kept as read. */
  @Test
  void lAvertissementDes800EurosSAfficheALaSaisieDesDroits() throws Exception {
    String reference = "DIFE-2026-990800";
    identityService.setAuthentication("admin", List.of("camunda-admin"), List.of("aml45"));
    try {
      runtimeService.createProcessInstanceByKey("dife-parcours").businessKey(reference)
          .startBeforeActivity("Tache_VerifierDroitsElu").setVariables(dossier(reference)).execute();
    } finally {
      identityService.clearAuthentication();
    }
    Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Tache_VerifierDroitsElu").singleResult();
    By avertissement = By.xpath("//form[contains(@class,'fjs-form')]//*[contains(normalize-space(.), "
        + "'Attention : plus de 800 €.')]");

    try (Navigateur navigateur = new Navigateur(port)) {
      navigateur.connecter("tasklist", "conseiller45", "demo");
      navigateur.traiter(tache.getId(), () -> {
        navigateur.cocher("Oui");
        navigateur.saisir("Montant disponible affiché", "700");
        assertThat(navigateur.pilote().findElements(avertissement)).isEmpty();
        navigateur.saisir("Montant disponible affiché", "950,50");
        navigateur.attente().until(ExpectedConditions.visibilityOfElementLocated(avertissement));
        navigateur.capture("formulaire-droits-au-dela-de-800");
      });
      String instance = tache.getProcessInstanceId();
      navigateur.attente().until(pilote -> runtimeService.createProcessInstanceQuery().processInstanceId(instance)
          .singleResult() == null || runtimeService.getVariable(instance, "avertissementDroits") != null);
    }
    assertThat(runtimeService.getVariable(tache.getProcessInstanceId(), "droitsDife")).isEqualTo("950.50");
    assertThat((String) runtimeService.getVariable(tache.getProcessInstanceId(), "avertissementDroits"))
        .startsWith("Les droits DIFE lus sur Mon Compte Formation (950.50 €) dépassent le plafond de 800 €");
    runtimeService.deleteProcessInstance(tache.getProcessInstanceId(), "fin du test");
  }
}
