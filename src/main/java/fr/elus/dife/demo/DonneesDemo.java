package fr.elus.dife.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.elus.dife.dossier.AbandonDossier;
import fr.elus.dife.dossier.DemandeOuverture;
import fr.elus.dife.dossier.DemandeOuverture.Elu;
import fr.elus.dife.dossier.DemandeOuverture.OsSmartphone;
import fr.elus.dife.dossier.DemandeOuverture.PreferenceCanal;
import fr.elus.dife.dossier.DemandeOuverture.Situation;
import fr.elus.dife.dossier.EvenementsDossier;
import fr.elus.dife.dossier.OuvertureDossier;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.regles.Nir;
import fr.elus.dife.securite.Groupes;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * About twenty dossiers of the demo, in both associations, at every stage: opened
 * through the application's own services and moved by its tasks and events, as the
 * conseillers would. Dossiers whose story started weeks ago are created with the
 * engine's clock moved back: once it is reset, their timers fall due and the job
 * executor brings them where they would be today (overdue AR24, postal reminder,
 * late CDC escalation, frais THR to declare, incomplete dossier). The clock is the
 * whole engine's: the few seconds of generation after the demo's first start are
 * not a time to work in it, and this never runs outside the demo setup.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "dife.demo.donnees", havingValue = "true")
public class DonneesDemo {

  private static final Logger LOG = LoggerFactory.getLogger(DonneesDemo.class);
  private static final ZoneId PARIS = CalendrierOuvre.FUSEAU;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OuvertureDossier ouverture;
  private final EvenementsDossier evenements;
  private final AbandonDossier abandon;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private int numero;

  DonneesDemo(OuvertureDossier ouverture, EvenementsDossier evenements, AbandonDossier abandon,
      TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
      IdentityService identityService, JdbcTemplate jdbc) {
    this.runtimeService = runtimeService;
    this.ouverture = ouverture;
    this.evenements = evenements;
    this.abandon = abandon;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  /** On its own thread: the steps wait for the job executor, which starts on the same event. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  public void demarrer() {
    Thread generation = new Thread(this::creer, "donnees-demo");
    generation.setDaemon(true);
    generation.start();
  }

  void creer() {
    Integer existants = jdbc.queryForObject("select count(*) from dife_dossier", Integer.class);
    if (existants != null && existants > 0) {
      return;
    }
    try {
      scenarios();
      LOG.warn("Configuration de démonstration : {} dossiers de démonstration créés", numero);
    } catch (RuntimeException e) {
      LOG.error("Données de démonstration incomplètes ({} dossiers) : {}", numero, e.getMessage(), e);
    } finally {
      ClockUtil.reset();
    }
  }

  void scenarios() {
    // AML45 (Loiret)
    Dossier.de(this, "conseiller45", "aml45", "LEFEBVRE", "Marie", "45234", "Orléans", "Adjointe au maire").sansCompte().ouvrir(0);
    Dossier.de(this, "conseiller45", "aml45", "MOREAU", "Paul", "45284", "Saint-Jean-de-Braye", "Conseiller municipal")
        .ouvrir(0).identiteEnLigne("AR24");
    Dossier.de(this, "conseiller45", "aml45", "GARNIER", "Sophie", "45147", "Fleury-les-Aubrais", "Maire")
        .ouvrir(4).identiteEnLigne("AR24");                                              // AR24 overdue
    Dossier.de(this, "conseiller45", "aml45", "ROUX", "Michel", "45232", "Olivet", "Conseiller municipal")
        .sansSmartphone().ouvrir(10).procedureCourrier();                                // posted 10 days ago
    Dossier.de(this, "conseiller45", "aml45", "FOURNIER", "Anne", "45302", "Saran", "Adjointe au maire")
        .sansSmartphone().ouvrir(36).procedureCourrier();                                // reminder due
    Dossier.de(this, "conseiller45", "aml45", "GIRARD", "Luc", "45208", "Montargis", "Maire")
        .avecIdentite().ouvrir(3).droitsAbsents();                                       // CDC escalation open
    Dossier.de(this, "conseiller45", "aml45", "BONNET", "Claire", "45155", "Gien", "Conseillère départementale")
        .avecIdentite().ouvrir(17).droitsAbsents();                                      // CDC escalation late
    Dossier.de(this, "conseiller45", "aml45", "DUPUIS", "Henri", "45082", "Châteauneuf-sur-Loire", "Maire")
        .avecIdentite().ouvrir(2).droits("700").formation(30, "1200").inscrit();         // proposal awaited
    Dossier.de(this, "conseiller45", "aml45", "LAMBERT", "Julie", "45285", "Saint-Jean-de-la-Ruelle", "Adjointe")
        .avecIdentite().ouvrir(3).droits("800").formation(15, "600").inscrit().propositionAcceptee(); // validation due soon
    Dossier.de(this, "conseiller45", "aml45", "FONTAINE", "Éric", "45315", "Sully-sur-Loire", "Maire")
        .avecIdentite().ouvrir(45).droits("700").formation(20, "500").inscrit().propositionAcceptee().valide(); // THR to declare
    Dossier.de(this, "conseiller45", "aml45", "CHEVALIER", "Nadia", "45274", "Saint-Denis-en-Val", "Conseillère")
        .avecIdentite().ouvrir(50).droits("700").formation(20, "500").inscrit().propositionAcceptee().valide()
        .apresFormation().fraisThr(2, "75056", 1);                                       // CLOS_FORMATION_SUIVIE
    Dossier.de(this, "conseiller45", "aml45", "PERRIN", "Alain", "45089", "Chécy", "Conseiller municipal")
        .ouvrir(5).identiteEnLigne("FACE_A_FACE").abandonner("L'élu a quitté son mandat.");

    // ADM79 (Deux-Sèvres)
    Dossier.de(this, "conseiller79", "adm79", "MARCHAND", "Lucie", "79191", "Niort", "Maire").sansCompte().ouvrir(0);
    Dossier.de(this, "conseiller79", "adm79", "BLANC", "Thomas", "79049", "Bressuire", "Adjoint au maire")
        .auBureauDePoste().ouvrir(1).rendezVousBureauDePoste();
    Dossier.de(this, "conseiller79", "adm79", "GUERIN", "Sylvie", "79329", "Thouars", "Conseillère municipale")
        .ouvrir(2).identiteEnLigne("FACE_A_FACE");                                       // face to face awaited
    Dossier.de(this, "conseiller79", "adm79", "MULLER", "Pierre", "79202", "Parthenay", "Maire").avecIdentite().ouvrir(0);
    Dossier.de(this, "conseiller79", "adm79", "FAURE", "Isabelle", "79079", "Mauléon", "Conseillère municipale")
        .avecIdentite().ouvrir(1).droits("700");                                         // choosing a training
    Dossier.de(this, "conseiller79", "adm79", "ANDRE", "Jacques", "79042", "Bougon", "Maire")
        .avecIdentite().ouvrir(3).droits("400").formation(40, "1500").inscrit().propositionAcceptee(); // collectivity
    Dossier.de(this, "conseiller79", "adm79", "MERCIER", "Hélène", "79174", "Melle", "Adjointe au maire")
        .avecIdentite().ouvrir(3).droits("700").formation(8, "500").inscrit().propositionAcceptee(); // 11 days not met
    Dossier.de(this, "conseiller79", "adm79", "BOYER", "Louis", "79061", "Celles-sur-Belle", "Conseiller")
        .avecIdentite().ouvrir(6).droits("700").formation(8, "500").inscrit().propositionAcceptee().clore();
    Dossier.de(this, "conseiller79", "adm79", "ROBIN", "Céline", "79005", "Airvault", "Maire")
        .avecIdentite().ouvrir(40).droits("900").formation(15, "500").inscrit().propositionAcceptee()
        .sansValidationDansLeDelai();                                                    // incomplete
    Dossier.de(this, "conseiller79", "adm79", "GAUTHIER", "Marc", "79270", "Saint-Maixent-l'École", "Adjoint")
        .avecIdentite().ouvrir(4).droits("700").formation(30, "800").echecFranceConnect(); // CDC escalation
  }

  /** One demo dossier, moved step by step; each step waits for the engine's asynchronous work. */
  private static final class Dossier {
    private final DonneesDemo demo;
    private final String conseiller;
    private final String association;
    private final Map<String, Object> elu = new HashMap<>();
    private boolean compte = true;
    private boolean identite;
    private OsSmartphone os = OsSmartphone.ANDROID;
    private PreferenceCanal preference = PreferenceCanal.EN_LIGNE;
    private String reference;
    private LocalDate debut;
    private String cout;

    private Dossier(DonneesDemo demo, String conseiller, String association) {
      this.demo = demo;
      this.conseiller = conseiller;
      this.association = association;
    }

    static Dossier de(DonneesDemo demo, String conseiller, String association, String nom, String prenom,
        String codeInsee, String commune, String mandat) {
      Dossier dossier = new Dossier(demo, conseiller, association);
      dossier.elu.putAll(Map.of("nom", nom, "prenom", prenom, "codeInsee", codeInsee, "commune", commune,
          "mandat", mandat));
      return dossier;
    }

    Dossier sansCompte() {
      compte = false;
      return this;
    }

    Dossier avecIdentite() {
      identite = true;
      return this;
    }

    Dossier sansSmartphone() {
      os = OsSmartphone.AUCUN;
      return this;
    }

    Dossier auBureauDePoste() {
      preference = PreferenceCanal.BUREAU_DE_POSTE;
      return this;
    }

    /** Opened that many days ago: the engine's clock stays there for the following steps. */
    Dossier ouvrir(int ilYaJours) {
      Instant ouverture = LocalDate.now(PARIS).minusDays(ilYaJours).atTime(10, 0).atZone(PARIS).toInstant();
      ClockUtil.setCurrentTime(Date.from(ouverture.isAfter(Instant.now()) ? Instant.now() : ouverture));
      demo.numero++;
      String nom = (String) elu.get("nom");
      String insee = (String) elu.get("codeInsee");
      Elu identiteElu = new Elu(nom, null, (String) elu.get("prenom"), LocalDate.of(1960 + demo.numero, 3, 1 + demo.numero),
          (String) elu.get("commune"), "FR", nirDeDemonstration(demo.numero), nom.toLowerCase() + "@demo.invalid",
          "06" + String.format("%08d", 12345600 + demo.numero), null, (String) elu.get("commune"), insee,
          (String) elu.get("mandat"));
      Situation situation = new Situation(compte, identite, false, os, os == OsSmartphone.AUCUN ? null : "13", true,
          true, preference);
      reference = demo.comme(conseiller, association,
          () -> demo.ouverture.ouvrir(new DemandeOuverture(association, identiteElu, situation, null)).reference());
      demo.attendreCalme(reference);
      return this;
    }

    Dossier identiteEnLigne(String mode) {
      terminer("Tache_AccompagnerEnLigne", "compteLaPoste", "CREE", "informationsIdentiteSaisies", true,
          "modeVerification", mode);
      return this;
    }

    Dossier rendezVousBureauDePoste() {
      terminer("Tache_RendezVousBureauDePoste", "bureauDePoste", "Bressuire principal",
          "dateRendezVous", aujourdhui().plusDays(2).toString());
      return this;
    }

    Dossier procedureCourrier() {
      terminer("Tache_PreparerCourrier", "reponseCompteMcf", "OUI", "datePostage", aujourdhui().toString(),
          "piecesCourrier", List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE"));
      return this;
    }

    Dossier droitsAbsents() {
      terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "NON");
      return this;
    }

    Dossier droits(String montant) {
      terminer("Tache_VerifierDroitsElu", "reponseDroitsVisibles", "OUI", "montantDroitsLu", montant);
      return this;
    }

    /** A session starting that many working days after today (of the dossier's clock). */
    Dossier formation(int dansJoursOuvres, String cout) {
      debut = CalendrierOuvre.ajouterJoursOuvres(aujourdhui(), dansJoursOuvres, null);
      this.cout = cout;
      terminer("Tache_ChoisirFormation", "moyenRecherche", "DROITS_MANDAT", "organismeFormation", "Institut des élus du Centre",
          "intituleFormation", "Le budget communal pas à pas", "dateDebutFormation", debut.toString(),
          "dateFinFormation", debut.plusDays(1).toString(), "coutFormation", cout, "codeInseeLieuFormation", "75056");
      return this;
    }

    Dossier inscrit() {
      terminer("Tache_InscrireSurMcf", "issueInscription", "DOSSIER_ENVOYE");
      return this;
    }

    Dossier echecFranceConnect() {
      terminer("Tache_InscrireSurMcf", "issueInscription", "ECHEC_FRANCECONNECT",
          "descriptionErreur", "FranceConnect+ renvoie une erreur à la connexion.");
      return this;
    }

    Dossier propositionAcceptee() {
      evenement("PROPOSITION_ORGANISME", Map.of("dateAcceptation", aujourdhui().toString(), "dateDebut", debut.toString(),
          "dateFin", debut.plusDays(1).toString(), "coutFormation", cout,
          "codeInseeLieu", "75056"));
      return this;
    }

    Dossier valide() {
      demo.attendre("la validation de " + reference, () -> demo.tache(reference, "Tache_ConstaterValidation") != null);
      evenement("INSCRIPTION_VALIDEE", Map.of("dateValidation", aujourdhui().toString()));
      return this;
    }

    Dossier clore() {
      terminer("Tache_DecisionDelaiNonTenu", "decisionDelai", "CLORE");
      return this;
    }

    /** Moves the clock past the training's end and fires its timer. */
    Dossier apresFormation() {
      ClockUtil.setCurrentTime(Date.from(debut.plusDays(2).atTime(10, 0).atZone(PARIS).toInstant()));
      declencher("la fin de la formation", "Tache_DeclarerFraisThr", "Timer_DebutFormationValidee", "Timer_FinFormation");
      return this;
    }

    /** Moves the clock past the élu's last day to validate; the conseiller closes the dossier. */
    Dossier sansValidationDansLeDelai() {
      ClockUtil.setCurrentTime(Date.from(aujourdhui().plusDays(10).atTime(10, 0).atZone(PARIS).toInstant()));
      declencher("le délai de validation", "Tache_DeciderValidationManquee", "Timer_DelaiValidation");
      terminer("Tache_DeciderValidationManquee", "decisionCloture", "CLORE",
          "motifCloture", "Inscription non confirmée par l'élu sur Mon Compte Formation dans son délai.");
      demo.attendreCalme(reference);
      return this;
    }

    // the moved clock makes these timers due: run them, unless the job executor does first
    private void declencher(String quoi, String tacheSuivante, String... timers) {
      demo.attendre(quoi + " de " + reference, () -> {
        for (String activite : timers) {
          Job timer = demo.timer(reference, activite);
          if (timer != null) {
            try {
              demo.managementService.executeJob(timer.getId());
            } catch (ProcessEngineException dejaPris) {
              LOG.debug("Timer {} de {} exécuté par le job executor", activite, reference);
            }
          }
        }
        return demo.tache(reference, tacheSuivante) != null;
      });
      demo.attendreCalme(reference);
    }

    /** Declared, checked, sent, filed on MCF and paid as claimed, all on the demo's "today". */
    Dossier fraisThr(int repas, String communeNuitee, int nuitees) {
      terminer("Tache_DeclarerFraisThr", "repasPris", repas, "codeInseeNuitee1", communeNuitee, "nombreNuitees1", nuitees);
      terminer("Tache_VerifierFraisThr", "decisionFraisThr", "ENVOYER");
      String jour = debut.plusDays(2).toString();
      terminer("Tache_EnregistrerDepotFraisThr", "dateDepotFraisThr", jour);
      String total = demo.comme(conseiller, association, () -> String.valueOf(((Map<?, ?>) demo.runtimeService
          .getVariable(demo.tache(reference, "Tache_EnregistrerPaiementFraisThr").getExecutionId(), "fraisThr"))
          .get("total")));
      terminer("Tache_EnregistrerPaiementFraisThr", "datePaiementFraisThr", jour, "montantPayeFraisThr", total);
      return this;
    }

    Dossier abandonner(String motif) {
      demo.comme(conseiller, association, () -> {
        demo.abandon.abandonner(reference, JSON.valueToTree(Map.of("motif", motif)));
        return null;
      });
      demo.attendreCalme(reference);
      return this;
    }

    private LocalDate aujourdhui() {
      return ClockUtil.getCurrentTime().toInstant().atZone(PARIS).toLocalDate();
    }

    private void terminer(String definition, Object... clesValeurs) {
      Map<String, Object> variables = new HashMap<>();
      for (int i = 0; i < clesValeurs.length; i += 2) {
        variables.put((String) clesValeurs[i], clesValeurs[i + 1]);
      }
      demo.attendre(definition + " de " + reference, () -> demo.tache(reference, definition) != null);
      demo.comme(conseiller, association, () -> {
        Task tache = demo.tache(reference, definition);
        demo.taskService.claim(tache.getId(), conseiller);
        demo.taskService.complete(tache.getId(), variables);
        return null;
      });
      demo.attendreCalme(reference);
    }

    private void evenement(String type, Map<String, Object> donnees) {
      String id = "demo-" + reference + "-" + type;
      demo.attendre(type + " pour " + reference, () -> {
        try {
          demo.comme(conseiller, association, () -> demo.evenements.appliquer(reference, JSON.valueToTree(
              Map.of("idEvenement", id, "type", type, "date", aujourdhui().toString(), "donnees", donnees))));
          return true;
        } catch (RuntimeException pasEncoreAttendu) {
          return false;
        }
      });
      demo.attendreCalme(reference);
    }

    private static Nir nirDeDemonstration(int numero) {
      String treize = String.format("1%02d03%s%03d%03d", 60 + numero % 40, "45", 100 + numero, numero);
      int cle = 97 - new BigInteger(treize).mod(BigInteger.valueOf(97)).intValue();
      return Nir.lire(treize + String.format("%02d", cle)).orElseThrow();
    }
  }

  private <T> T comme(String conseiller, String association, Supplier<T> action) {
    identityService.setAuthentication(conseiller, List.of(Groupes.CONSEILLERS), List.of(association));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task tache(String reference, String definition) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult();
  }

  /**
   * Waits until the dossier's asynchronous continuations have run: they must run
   * under this dossier's clock, before the next one moves it, for their timers to
   * be dated as in the dossier's story.
   */
  private void attendreCalme(String reference) {
    attendre("la fin du travail asynchrone de " + reference, () -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list().stream()
        .allMatch(i -> managementService.createJobQuery().processInstanceId(i.getId()).messages().count() == 0));
  }

  private void executerTimer(String reference, String activite) {
    attendre("le timer " + activite + " de " + reference, () -> timer(reference, activite) != null);
    String id = timer(reference, activite).getId();
    try {
      managementService.executeJob(id);
    } catch (OptimisticLockingException dejaPris) {
      // the moved clock made it due: the job executor ran it at the same moment
      attendre("le timer " + activite + " de " + reference + " par le job executor",
          () -> managementService.createJobQuery().jobId(id).count() == 0);
    }
  }

  private Job timer(String reference, String activite) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
        .flatMap(i -> managementService.createJobQuery().timers().activityId(activite).processInstanceId(i.getId())
            .list().stream())
        .findFirst().orElse(null);
  }

  private void attendre(String quoi, BooleanSupplier condition) {
    long limite = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > limite) {
        throw new IllegalStateException("Données de démonstration : délai dépassé en attendant " + quoi);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
