package fr.elus.dife.parcours;

import fr.elus.dife.ConfigurationGenerale;
import fr.elus.dife.regles.BaremeDmn;
import fr.elus.dife.regles.ReferentielCommunesDeTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.core.env.StandardEnvironment;

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
  }

  @Override
  public void afterEach(ExtensionContext contexte) {
    Mocks.reset();
    ClockUtil.reset();
  }

  private void enregistrer() {
    // the engine's clock, which tests move, is also the beans' clock, as in the application
    Clock horloge = new ConfigurationGenerale.HorlogeDuMoteur(ConfigurationGenerale.FUSEAU);
    Mocks.register("statut", new PassageStatut());
    Mocks.register("echeances", new Echeances(ConfigurationGenerale.FUSEAU));
    Mocks.register("delais", new DelaisParcours(new StandardEnvironment(), horloge));
    Mocks.register("preparerEscalade", new PreparerEscaladeListener(horloge));
    Mocks.register("enregistrerCreationCompte", new EnregistrerCreationCompteListener(horloge));
    Mocks.register("enregistrerProcedureCourrier", new EnregistrerProcedureCourrierListener(horloge));
    Mocks.register("enregistrerActivationApplication", new EnregistrerActivationApplicationListener(horloge));
    Mocks.register("enregistrerDroitsElu", new EnregistrerDroitsEluListener());
    Mocks.register("enregistrerPiecesCdc", new EnregistrerPiecesCdcListener());
    Mocks.register("enregistrerChoixFormation", new EnregistrerChoixFormationListener(horloge));
    Mocks.register("enregistrerInscription", new EnregistrerInscriptionListener());
    Mocks.register("enregistrerRelanceOrganisme", new EnregistrerRelanceOrganismeListener(horloge));
    Mocks.register("enregistrerDecisionDelai", new EnregistrerDecisionDelaiListener());
    Mocks.register("enregistrerContributionCollectivite", new EnregistrerContributionCollectiviteListener());
    Mocks.register("enregistrerValidation", new EnregistrerValidationListener(horloge));
    Mocks.register("verifierDelaiInscription", new VerifierDelaiInscriptionDelegate());
    Mocks.register("calculerRepartition", new CalculerRepartitionDelegate());
    Mocks.register("envoyerCourriel", (JavaDelegate) execution -> courriels.add(new CourrielPrevu(
        (String) execution.getVariableLocal("modeleCourriel"), (String) execution.getVariableLocal("destinataire"),
        execution.getProcessBusinessKey())));
    Mocks.register("clotureDossier", (ExecutionListener) execution -> dossiersClos.add(execution.getProcessBusinessKey()));
  }

  List<String> modeles() {
    return courriels.stream().map(CourrielPrevu::modele).toList();
  }
}
