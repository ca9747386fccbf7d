package fr.elus.dife.parcours;

import fr.elus.dife.ConfigurationGenerale;
import fr.elus.dife.regles.BaremeDmn;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.regles.ReferentielCommunesDeTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * What every process test of the journey needs around each test, as a JUnit
 * extension registered after the engine's: BPMN Assert bound to the unit engine, the
 * engine's clock set to the test's "now", and the beans the models call. They are
 * the real ones, except the SMTP delegate, replaced by a recorder of what would be
 * sent (the real one is tested with GreenMail), and the dossier closure, which needs
 * the database. The THR listener prices with the barème decisions deployed by the test.
 */
final class BeansDuParcours implements BeforeEachCallback, AfterEachCallback {

  record CourrielPrevu(String modele, String destinataire, String reference) {
  }

  static final String ADRESSE_CDC = "cdc@example.org";

  final List<CourrielPrevu> courriels = new ArrayList<>();
  final List<String> dossiersClos = new ArrayList<>();
  private final String maintenant;

  /** The test's "now", as French wall-clock time. */
  BeansDuParcours(String maintenant) {
    this.maintenant = maintenant;
  }

  @Override
  public void beforeEach(ExtensionContext contexte) {
    ProcessEngine engine = ProcessEngines.getProcessEngine("unit");
    BpmnAwareTests.init(engine);
    courriels.clear();
    dossiersClos.clear();
    HeureDeParis.maintenant(maintenant);
    enregistrer();
    Mocks.register("enregistrerFraisThr", new EnregistrerFraisThrListener(new BaremeDmn(engine.getDecisionService()),
        ReferentielCommunesDeTest.livre()));
    verifierBeans(Mocks.getMocks().keySet());
  }

  /**
   * Every application bean that an expression of bpmn/ names must be registered
   * here: otherwise the engine says "Unknown property used in expression" deep in
   * a test, far from the cause.
   */
  static void verifierBeans(Set<String> enregistres) {
    List<String> manquants = BEANS_DES_MODELES.entrySet().stream()
        .filter(bean -> !enregistres.contains(bean.getKey()))
        .map(bean -> "« " + bean.getKey() + " » (" + bean.getValue() + ")").toList();
    if (!manquants.isEmpty()) {
      throw new IllegalStateException("Beans appelés par les modèles mais non enregistrés dans BeansDuParcours : "
          + String.join(", ", manquants) + ". Ajoutez-les par Mocks.register(nom, bean) dans enregistrer().");
    }
  }

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
  // a name that is not a property, a method or inside a quoted string
  private static final Pattern IDENTIFIANT = Pattern.compile("(?<![.\\w'])([a-z]\\w*)");

  /** The named beans of the application used by an expression of a model, each with its first use. */
  private static final Map<String, String> BEANS_DES_MODELES = beansDesModeles();

  private static Map<String, String> beansDesModeles() {
    Set<String> beans = new HashSet<>();
    ClassPathScanningCandidateComponentProvider recherche = new ClassPathScanningCandidateComponentProvider(false);
    recherche.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (BeanDefinition definition : recherche.findCandidateComponents("fr.elus.dife")) {
      try {
        Component composant = Class.forName(definition.getBeanClassName()).getAnnotation(Component.class);
        if (composant != null && !composant.value().isEmpty()) {
          beans.add(composant.value());
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    Map<String, String> utilises = new TreeMap<>();
    try (Stream<Path> modeles = Files.list(Path.of("bpmn"))) {
      for (Path modele : modeles.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        Matcher expression = EXPRESSION.matcher(Files.readString(modele));
        while (expression.find()) {
          Matcher identifiant = IDENTIFIANT.matcher(expression.group());
          while (identifiant.find()) {
            if (beans.contains(identifiant.group(1))) {
              utilises.putIfAbsent(identifiant.group(1), modele + " : " + expression.group());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return utilises;
  }


  @Override
  public void afterEach(ExtensionContext contexte) {
    Mocks.reset();
    ClockUtil.reset();
  }

  private void enregistrer() {
    // the engine's clock, which tests move, is also the beans' clock, as in the application
    Clock horloge = new ConfigurationGenerale.HorlogeDuMoteur(CalendrierOuvre.FUSEAU);
    Mocks.register("statut", new PassageStatut());
    Mocks.register("echeances", new Echeances(CalendrierOuvre.FUSEAU));
    DelaisParcours delais = new DelaisParcours(DelaisProperties.PAR_DEFAUT, horloge);
    Mocks.register("delais", delais);
    Mocks.register("preparerEscalade", new PreparerEscaladeListener(horloge, ADRESSE_CDC));
    Mocks.register("enregistrerCreationCompte", new EnregistrerCreationCompteListener(horloge));
    Mocks.register("enregistrerProcedureCourrier", new EnregistrerProcedureCourrierListener(horloge));
    Mocks.register("enregistrerActivationApplication", new EnregistrerActivationApplicationListener(horloge));
    Mocks.register("enregistrerDroitsElu", new EnregistrerDroitsEluListener());
    Mocks.register("enregistrerPiecesCdc", new EnregistrerPiecesCdcListener());
    Mocks.register("enregistrerDecisionCloture", new EnregistrerDecisionClotureListener());
    Mocks.register("enregistrerPiecesIdentiteCdc", new EnregistrerPiecesIdentiteCdcListener(horloge));
    Mocks.register("enregistrerChoixFormation", new EnregistrerChoixFormationListener(horloge));
    Mocks.register("enregistrerInscription", new EnregistrerInscriptionListener());
    Mocks.register("enregistrerRelanceOrganisme", new EnregistrerRelanceOrganismeListener(horloge));
    Mocks.register("enregistrerDecisionDelai", new EnregistrerDecisionDelaiListener());
    Mocks.register("enregistrerContributionCollectivite", new EnregistrerContributionCollectiviteListener(horloge));
    Mocks.register("enregistrerSansReponseCollectivite", new EnregistrerSansReponseCollectiviteListener(horloge));
    Mocks.register("enregistrerValidation", new EnregistrerValidationListener(horloge));
    Mocks.register("verifierDelaiInscription", new VerifierDelaiInscriptionDelegate(delais));
    Mocks.register("calculerRepartition", new CalculerRepartitionDelegate());
    Mocks.register("enregistrerVerificationFraisThr", new EnregistrerVerificationFraisThrListener(horloge));
    Mocks.register("enregistrerSuiviFraisThr", new EnregistrerSuiviFraisThrListener(horloge));
    Mocks.register("envoyerCourriel", (JavaDelegate) execution -> courriels.add(new CourrielPrevu(
        (String) execution.getVariableLocal("modeleCourriel"), (String) execution.getVariableLocal("destinataire"),
        execution.getProcessBusinessKey())));
    Mocks.register("clotureDossier", (ExecutionListener) execution -> dossiersClos.add(execution.getProcessBusinessKey()));
  }

  List<String> modeles() {
    return courriels.stream().map(CourrielPrevu::modele).toList();
  }
}
