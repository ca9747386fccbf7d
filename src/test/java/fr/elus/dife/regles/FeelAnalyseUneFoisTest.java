package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.elus.dife.ApplicationDemarree;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decisions' FEEL, parsed once, answers as the engine's own FEEL does. */
@ApplicationDemarree
class FeelAnalyseUneFoisTest {

  @Autowired
  ProcessEngineConfigurationImpl configuration;

  private final FeelAnalyseUneFois.Moteur enCache = new FeelAnalyseUneFois.Moteur(List.of());
  private final ScalaFeelEngine duMoteur = new ScalaFeelEngine(List.of());

  private static VariableContext avec(String nom, Object valeur) {
    return Variables.createVariables().putValue(nom, valeur).asVariableContext();
  }

  @Test
  void lesDecisionsDeLApplicationLEmploient() {
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(FeelAnalyseUneFois.Moteur.class);
  }

  @Test
  void lesMemesReponsesQueLeMoteurALaPremiereEvaluationCommeAuxSuivantes() {
    for (int fois = 0; fois < 2; fois++) {
      for (Object valeur : new Object[] {0, 5, 10, 11, null}) {
        assertThat(enCache.evaluateSimpleUnaryTests("[1..10]", "x", avec("x", valeur)))
            .isEqualTo(duMoteur.evaluateSimpleUnaryTests("[1..10]", "x", avec("x", valeur)));
      }
      assertThat(enCache.evaluateSimpleUnaryTests("\"ANDROID\",\"IOS\"", "os", avec("os", "IOS"))).isTrue();
      assertThat(enCache.<Object>evaluateSimpleExpression("montant * 0.75", avec("montant", 200)))
          .isEqualTo(duMoteur.<Object>evaluateSimpleExpression("montant * 0.75", avec("montant", 200)));
    }
  }

  @Test
  void uneExpressionQuiNeSAnalysePasDonneLErreurDuMoteur() {
    Throwable ici = catchThrowable(() -> enCache.evaluateSimpleExpression("montant *", avec("montant", 1)));
    Throwable la = catchThrowable(() -> duMoteur.evaluateSimpleExpression("montant *", avec("montant", 1)));
    assertThat(ici).isNotNull().hasSameClassAs(la).hasMessage(la.getMessage());
  }
}
