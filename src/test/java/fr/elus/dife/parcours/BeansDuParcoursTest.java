package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The extension names a bean that a model calls and a test forgot, instead of a distant engine error. */
class BeansDuParcoursTest {

  private static final Set<String> TOUS = Set.of("statut", "echeances", "delais", "envoyerCourriel",
      "clotureDossier", "preparerEscalade", "enregistrerCreationCompte", "enregistrerProcedureCourrier",
      "enregistrerActivationApplication", "enregistrerDroitsElu", "enregistrerPiecesCdc", "enregistrerChoixFormation",
      "enregistrerInscription", "enregistrerRelanceOrganisme", "enregistrerDecisionDelai",
      "enregistrerContributionCollectivite", "enregistrerValidation", "verifierDelaiInscription", "calculerRepartition",
      "enregistrerFraisThr", "enregistrerPiecesIdentiteCdc", "enregistrerDecisionCloture",
      "enregistrerVerificationFraisThr", "enregistrerSuiviFraisThr", "enregistrerSansReponseCollectivite");

  @Test
  void unBeanOublieEstNommeAvecLeModeleQuiLAppelle() {
    assertThatCode(() -> BeansDuParcours.verifierBeans(TOUS)).doesNotThrowAnyException();

    Set<String> sansDelais = new HashSet<>(TOUS);
    sansDelais.remove("delais");
    sansDelais.remove("enregistrerFraisThr");
    assertThatThrownBy(() -> BeansDuParcours.verifierBeans(sansDelais))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("« delais » (bpmn/dife-escalade-cdc.bpmn : ${delais.relanceCdc})")
        .hasMessageContaining("« enregistrerFraisThr » (bpmn/dife-parcours.bpmn : ${enregistrerFraisThr})")
        .hasMessageContaining("Mocks.register");
  }
}
