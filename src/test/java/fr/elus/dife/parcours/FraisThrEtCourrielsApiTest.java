package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.Attente;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.securite.AssociationTenantIdProvider;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The frais THR after the training as the conseiller drives them over /engine-rest,
 * the emails as an SMTP server receives them (from the dossier's association), and
 * refusals that stay answers: a 400 with the French message, nothing at ERROR in the log.
 */
@ApplicationDemarree
class FraisThrEtCourrielsApiTest {

  @LocalServerPort
  int port;
  @Autowired
  GreenMail smtp;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Value("${dife.mail.expediteur}")
  String expediteur;

  private static final AtomicInteger NUMERO = new AtomicInteger();
  ClientHttp http;

  @BeforeEach
  void client() {
    http = new ClientHttp(port);
  }

  /** A dossier of aml45 whose training (18 and 19 March 2026) is over: the frais THR are to declare. */
  private String formationFinie(String email) {
    String reference = "DIFE-2026-98" + String.format("%04d", NUMERO.incrementAndGet());
    Map<String, Object> variables = Elus.avec("reference", reference, "email", email, "association", "aml45",
        "statutDossier", "EN_FORMATION", "organismeFormation", "Institut des élus", "intituleFormation",
        "Finances locales", "dateDebutFormation", "2026-03-18", "dateFinFormation", "2026-03-19");
    AssociationTenantIdProvider.demarrerDans("aml45", () -> runtimeService.createProcessInstanceByKey("dife-parcours")
        .businessKey(reference).startBeforeActivity("Tache_DeclarerFraisThr").setVariables(variables).execute());
    return reference;
  }

  private static Map<String, Object> valeurs(Object... clesValeurs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      variables.put((String) clesValeurs[i], Map.of("value", clesValeurs[i + 1]));
    }
    return Map.of("variables", variables);
  }

  private Reponse terminer(String reference, String tache, String action, Object... clesValeurs) {
    return http.post("conseiller45", "/engine-rest/task/" + Attente.tache(taskService, reference, tache) + "/" + action,
        valeurs(clesValeurs));
  }

  private boolean fini(String reference) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).finished()
        .count() == 1;
  }

  private List<String> activitesPassees(String reference) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(historyService
            .createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId())
        .list().stream().map(a -> a.getActivityId()).toList();
  }

  @Test
  void fraisDeclaresVerifiesEnvoyesDeposesPuisRembourses() throws Exception {
    String email = DossiersDeTest.nomUnique().toLowerCase() + "@example.org";
    String reference = formationFinie(email);

    assertThat(terminer(reference, "Tache_DeclarerFraisThr", "submit-form", "repasPris", 2, "codeInseeNuitee1", "75056",
        "nombreNuitees1", 1, "codeInseeNuitee2", "93066", "nombreNuitees2", 1, "dateNuitee2", "2026-03-19").statut())
        .isEqualTo(204);
    // the conseiller sees the total and the lines in the task before anything leaves
    String verification = Attente.tache(taskService, reference, "Tache_VerifierFraisThr");
    JsonNode detail = http.get("conseiller45", "/engine-rest/task/" + verification + "/form-variables").corps();
    assertThat(detail.get("fraisThrDetail").get("value").asText()).isEqualTo("- 2 repas, à 17,50 € : 35,00 €\n"
        + "- 1 nuitée à Paris (75056) le 18/03/2026, à 110,00 € : 110,00 €\n"
        + "- 1 nuitée à Saint-Denis (93066) le 19/03/2026, à 90,00 € : 90,00 €\nTotal : 235,00 €");
    assertThat(CourrielsRecus.a(smtp, email, reference)).isEmpty();

    assertThat(terminer(reference, "Tache_VerifierFraisThr", "complete", "decisionFraisThr", "ENVOYER").statut())
        .isEqualTo(204);
    Attente.jusqua("le courriel des frais THR", () -> CourrielsRecus.a(smtp, email, reference).size() == 1);
    MimeMessage courriel = CourrielsRecus.a(smtp, email, reference).get(0);
    assertThat(courriel.getSubject()).isEqualTo("Vos frais de repas et d'hébergement à demander (dossier " + reference + ")");
    assertThat(CourrielsRecus.texte(courriel)).contains("- 1 nuitée à Saint-Denis (93066) le 19/03/2026, à 90,00 € : 90,00 €",
        "Total : 235,00 €", "sous-motif « Frais THR »");

    String aujourdhui = LocalDate.now(CalendrierOuvre.FUSEAU).toString();
    assertThat(terminer(reference, "Tache_EnregistrerDepotFraisThr", "complete", "dateDepotFraisThr", aujourdhui).statut())
        .isEqualTo(204);
    assertThat(terminer(reference, "Tache_EnregistrerPaiementFraisThr", "complete", "datePaiementFraisThr", aujourdhui,
        "montantPayeFraisThr", "235").statut()).isEqualTo(204);

    Attente.jusqua("la fin du dossier", () -> fini(reference));
    assertThat(activitesPassees(reference)).contains("Envoi_FraisThr", "Fin_FormationSuivie");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(historyService
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId())
        .variableName("ecartFraisThr").singleResult().getValue()).isEqualTo("0.00");
  }

  @Test
  void rienADeclarerRienADemander() {
    String email = DossiersDeTest.nomUnique().toLowerCase() + "@example.org";
    String reference = formationFinie(email);

    assertThat(terminer(reference, "Tache_DeclarerFraisThr", "submit-form", "repasPris", 0, "codeInseeNuitee1", "")
        .statut()).isEqualTo(204);

    Attente.jusqua("la fin du dossier", () -> fini(reference));
    assertThat(activitesPassees(reference)).contains("Fin_FormationSuivieSansFrais")
        .doesNotContain("Tache_VerifierFraisThr", "Envoi_FraisThr");
    assertThat(CourrielsRecus.a(smtp, email, reference)).isEmpty();
  }

  @Test
  void unFormulaireRefuseEtUnEvenementInattenduSontDesReponsesPasDesErreursAuJournal() {
    String reference = formationFinie(DossiersDeTest.nomUnique().toLowerCase() + "@example.org");
    String dossierOuvert = http.post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false)).corps()
        .get("reference").asText();
    Attente.jusqua("la tâche de création du compte",
        () -> taskService.createTaskQuery().processInstanceBusinessKey(dossierOuvert).count() == 1);

    Logger racine = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> journal = new ListAppender<>();
    journal.start();
    racine.addAppender(journal);
    try {
      for (String action : List.of("submit-form", "complete")) {
        Reponse refus = terminer(reference, "Tache_DeclarerFraisThr", action, "repasPris", 2,
            "codeInseeNuitee1", "45000", "nombreNuitees1", 1);
        assertThat(refus.statut()).as(action).isEqualTo(400);
        assertThat(refus.corps().get("message").asText()).as(action).isEqualTo("Le champ « codeInseeNuitee1 » doit "
            + "être le code INSEE d'une commune du Code officiel géographique : 45000 n'en est pas un (un code postal "
            + "n'est pas un code commune ; Orléans, par exemple, a le code postal 45000 et le code commune 45234).");
      }
      Reponse inattendu = http.post("conseiller45", "/api/dossiers/" + dossierOuvert + "/evenements",
          Map.of("idEvenement", "courrier-" + dossierOuvert, "type", "COURRIER_RECOMMANDE_RECU",
              "date", OffsetDateTime.now().toString()));
      assertThat(inattendu.statut()).isEqualTo(409);
    } finally {
      racine.detachAppender(journal);
    }

    // what the requests logged, not the jobs of other dossiers meanwhile
    List<ILoggingEvent> requetes = List.copyOf(journal.list).stream()
        .filter(e -> e.getThreadName().startsWith("http-nio")).toList();
    assertThat(requetes).filteredOn(e -> e.getLevel() == Level.INFO).extracting(ILoggingEvent::getFormattedMessage)
        .as("chaque refus, en une ligne").contains(
            "Refus renvoyé à l'appelant : Le champ « codeInseeNuitee1 » doit être le code INSEE d'une commune du Code "
                + "officiel géographique : 45000 n'en est pas un (un code postal n'est pas un code commune ; Orléans, "
                + "par exemple, a le code postal 45000 et le code commune 45234).")
        .anySatisfy(m -> assertThat(m).startsWith("Refus renvoyé à l'appelant : Cannot correlate message "
            + "'CourrierRecommandeRecu'"));
    assertThat(requetes).as("rien d'une erreur du serveur au journal")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        // a stack trace comes as the event's throwable, or written into its message (the REST API's way)
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
            && (e.getThrowableProxy() != null || e.getFormattedMessage().contains("\tat ")));
    assertThat(Attente.tache(taskService, reference, "Tache_DeclarerFraisThr")).as("la tâche reste à faire").isNotNull();
  }

  private record Equipe(String conseiller, String nom, String repondreA, String adresse, String telephone) {
  }

  @Test
  void lesCourrielsPartentAuNomDeLAssociationDuDossierQuiEnRecoitLesReponses() throws Exception {
    for (Equipe equipe : List.of(
        new Equipe("conseiller45", "Association des maires et présidents d'intercommunalités du Loiret",
            "equipe-aml45@demo.invalid", "1 place de l'Étape (démonstration)\n45000 Orléans", "02 38 00 00 45"),
        new Equipe("conseiller79", "Association départementale des maires des Deux-Sèvres",
            "equipe-adm79@demo.invalid", "2 rue de la Démonstration\n79000 Niort", "05 49 00 00 79"))) {
      ObjectNode demande = DossiersDeTest.demande(true);
      String email = demande.get("elu").get("email").asText();
      String reference = http.post(equipe.conseiller(), "/api/dossiers", demande).corps().get("reference").asText();
      Attente.jusqua("le premier courriel de " + reference, () -> !CourrielsRecus.a(smtp, email, reference).isEmpty());

      MimeMessage courriel = CourrielsRecus.a(smtp, email, reference).get(0);
      InternetAddress de = (InternetAddress) courriel.getFrom()[0];
      assertThat(de.getPersonal()).isEqualTo(equipe.nom());
      assertThat(de.getAddress()).isEqualTo(expediteur);
      assertThat(courriel.getReplyTo()).extracting(Address::toString).containsExactly(equipe.repondreA());
      String corps = courriel.getContent().toString().replace("\r\n", "\n");
      assertThat(corps).endsWith("\n-- \n" + equipe.nom() + "\n" + equipe.adresse() + "\nTél. " + equipe.telephone()
          + "\n" + equipe.repondreA());
      // the dossier shows the email as it left, signature included, and the commune beside its code
      JsonNode dossier = http.get(equipe.conseiller(), "/api/dossiers/" + reference).corps();
      assertThat(dossier.get("historique").findValuesAsText("corps"))
          .anySatisfy(c -> assertThat(c).endsWith(equipe.telephone() + "\n" + equipe.repondreA()));
      assertThat(dossier.get("elu").get("codeInseeCollectivite").asText()).isEqualTo("45284");
      assertThat(dossier.get("elu").get("communeCollectivite").asText()).isEqualTo("Saint-Jean-de-Braye");
    }
  }
}
