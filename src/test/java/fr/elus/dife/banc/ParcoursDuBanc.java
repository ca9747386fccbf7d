package fr.elus.dife.banc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.elus.dife.DossiersDeTest;
import fr.elus.dife.dossier.EvenementsDossier;
import fr.elus.dife.dossier.OuvertureDossier;
import fr.elus.dife.dossier.ValidateurDemandeOuverture;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.securite.Groupes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The longest journey of PlusLongParcoursApiTest, driven through the application's
 * own services in one thread, with the job executor stopped: the driver runs each
 * due job itself, so that the CPU measured is the journey's and nothing else's.
 * It counts what it does, so that the bare control can do as much.
 */
final class ParcoursDuBanc {

  /** What one journey did: the engine transactions it took, by kind. */
  record Compte(int ouvertures, int taches, int evenements, int timers, int jobs) {
    int transactions() {
      return ouvertures + taches + evenements + timers + jobs;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONSEILLER = "conseiller45";

  private final ValidateurDemandeOuverture validateur;
  private final OuvertureDossier ouverture;
  private final EvenementsDossier evenements;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  private String reference;
  private int taches;
  private int evenementsAppliques;
  private int timers;
  private int jobs;

  ParcoursDuBanc(ConfigurableApplicationContext contexte) {
    this.validateur = contexte.getBean(ValidateurDemandeOuverture.class);
    this.ouverture = contexte.getBean(OuvertureDossier.class);
    this.evenements = contexte.getBean(EvenementsDossier.class);
    this.taskService = contexte.getBean(TaskService.class);
    this.runtimeService = contexte.getBean(RuntimeService.class);
    this.managementService = contexte.getBean(ManagementService.class);
    this.historyService = contexte.getBean(HistoryService.class);
    this.identityService = contexte.getBean(IdentityService.class);
  }

  /** Opens one dossier as conseiller45 and runs its asynchronous continuation; returns the reference. */
  String ouvrir(ObjectNode demande) {
    enConseiller();
    try {
      return ouverture.ouvrir(validateur.valider(demande).demande()).reference();
    } finally {
      identityService.clearAuthentication();
    }
  }

  Compte parcoursComplet() {
    taches = 0;
    evenementsAppliques = 0;
    timers = 0;
    jobs = 0;
    ObjectNode demande = DossiersDeTest.demande(false);
    ((ObjectNode) demande.get("situation").get("smartphone")).put("os", "AUCUN").remove("version");
    reference = ouvrir(demande);
    executerJobsDus();
    String aujourdhui = LocalDate.now().toString();

    terminer("Tache_CreerCompteFormation", "modeCreationCompte", "QUATRE_ETAPES", "dateCreationCompte", aujourdhui);
    terminer("Tache_PreparerCourrier", "reponseCompteMcf", "OUI", "datePostage", aujourdhui,
        "piecesCourrier", List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"));
    declencherTimer("Timer_QuatreSemaines");
    terminer("Tache_SuivreCourrier", "resultatSuiviCourrier", "Courrier pas encore reçu.");
    evenement("COURRIER_RECOMMANDE_RECU", Map.of());
    evenement("VERIFICATION_FACE_A_FACE_FAITE", Map.of());
    terminer("Tache_ActiverApplication", "applicationActivee", true, "dateActivation", aujourdhui);

    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "NON");
    evenement("REPONSE_CDC", Map.of("resolu", false, "piecesDemandees", List.of("Arrêté de délégation")));
    terminer("Tache_RassemblerPieces", "piecesEnvoyees", "Arrêté de délégation du maire.");
    evenement("REPONSE_CDC", Map.of("resolu", true, "piecesDemandees", List.of()));
    terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "OUI", "montantDroitsLu", "700");

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
    evenement("INSCRIPTION_VALIDEE", Map.of("dateValidation", aujourdhui));
    declencherTimer("Timer_FinFormation");
    terminer("Tache_DeclarerFraisThr", "repasPris", 2, "codeInseeNuitee1", "75056", "nombreNuitees1", 1);

    Object statut = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
            .processDefinitionKey(OuvertureDossier.PROCESSUS_PARCOURS).singleResult().getId())
        .variableName("statutDossier").singleResult().getValue();
    if (!"CLOS_FORMATION_SUIVIE".equals(statut) || !runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list().isEmpty()) {
      throw new IllegalStateException("Le parcours " + reference + " s'est arrêté au statut " + statut);
    }
    return new Compte(1, taches, evenementsAppliques, timers, jobs);
  }

  private void enConseiller() {
    identityService.setAuthentication(CONSEILLER, List.of(Groupes.CONSEILLERS), List.of("aml45"));
  }

  private void terminer(String definition, Object... clesValeurs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < clesValeurs.length; i += 2) {
      variables.put((String) clesValeurs[i], clesValeurs[i + 1]);
    }
    Task tache = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult();
    if (tache == null) {
      throw new IllegalStateException("Pas de tâche " + definition + " pour " + reference);
    }
    enConseiller();
    try {
      taskService.complete(tache.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    taches++;
    executerJobsDus();
  }

  private void evenement(String type, Map<String, Object> donnees) {
    JsonNode corps = JSON.valueToTree(Map.of("idEvenement", type + "-" + reference + "-" + (evenementsAppliques + 1),
        "type", type, "date", OffsetDateTime.now().toString(), "donnees", donnees));
    enConseiller();
    try {
      evenements.appliquer(reference, corps);
    } finally {
      identityService.clearAuthentication();
    }
    evenementsAppliques++;
    executerJobsDus();
  }

  private void declencherTimer(String activite) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .list()) {
      Job timer = managementService.createJobQuery().timers().activityId(activite)
          .processInstanceId(instance.getId()).singleResult();
      if (timer != null) {
        managementService.executeJob(timer.getId());
        timers++;
        executerJobsDus();
        return;
      }
    }
    throw new IllegalStateException("Pas de timer " + activite + " pour " + reference);
  }

  /** What the job executor would do next: every job due now, emails included. */
  private void executerJobsDus() {
    List<Job> dus;
    while (!(dus = managementService.createJobQuery().executable().listPage(0, 20)).isEmpty()) {
      for (Job job : dus) {
        managementService.executeJob(job.getId());
        jobs++;
      }
    }
  }
}
