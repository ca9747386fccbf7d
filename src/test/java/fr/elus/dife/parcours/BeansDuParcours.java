package fr.elus.dife.parcours;

import fr.elus.dife.ConfigurationGenerale;
import fr.elus.dife.regles.BaremeDmn;
import fr.elus.dife.regles.ReferentielCommunesDeTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.core.env.StandardEnvironment;

/**
 * The beans the models call, for the unit engine (no Spring): the real ones,
 * except the SMTP delegate, replaced by a recorder of what would be sent (the real
 * one is tested with GreenMail), and the dossier closure, which needs the database.
 */
final class BeansDuParcours {

  record CourrielPrevu(String modele, String destinataire, String reference) {
  }

  final List<CourrielPrevu> courriels = new ArrayList<>();
  final List<String> dossiersClos = new ArrayList<>();

  /** With the THR listener, which prices with the deployed barème decisions of this engine. */
  static BeansDuParcours enregistrer(ProcessEngine engine) {
    BeansDuParcours beans = enregistrer();
    Mocks.register("enregistrerFraisThr", new EnregistrerFraisThrListener(new BaremeDmn(engine.getDecisionService()),
        ReferentielCommunesDeTest.livre()));
    return beans;
  }

  static BeansDuParcours enregistrer() {
    BeansDuParcours beans = new BeansDuParcours();
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
    Mocks.register("envoyerCourriel", (JavaDelegate) execution -> beans.courriels.add(new CourrielPrevu(
        (String) execution.getVariableLocal("modeleCourriel"), (String) execution.getVariableLocal("destinataire"),
        execution.getProcessBusinessKey())));
    Mocks.register("clotureDossier", (ExecutionListener) execution -> beans.dossiersClos.add(execution.getProcessBusinessKey()));
    return beans;
  }

  List<String> modeles() {
    return courriels.stream().map(CourrielPrevu::modele).toList();
  }
}
