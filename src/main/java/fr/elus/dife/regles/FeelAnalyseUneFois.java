package fr.elus.dife.regles;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The engine's FEEL integration parses each expression and each input entry of the
 * barème and channel decisions again on every evaluation: 4 % of the job threads' CPU
 * during a drain (issue 13, JFR), for texts that only change with a deployment. Each
 * text is parsed once and kept (the deployed decisions hold a few hundred); the
 * evaluation is the engine's own, a text that does not parse goes to it as before, for
 * its error.
 */
@Component
public class FeelAnalyseUneFois extends AbstractProcessEnginePlugin {

  /** Beyond this many texts (decisions deployed and redeployed at length) the cache starts over. */
  private static final int TEXTES_MAX = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the providers are those the engine gives the DMN configuration before building it
    dmn.setFeelEngineFactory(() -> new Moteur(dmn.getFeelCustomFunctionProviders()));
    configuration.setDmnEngineConfiguration(dmn);
  }

  static final class Moteur extends ScalaFeelEngine {

    private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ParsedExpression> tests = new ConcurrentHashMap<>();

    Moteur(List<FeelCustomFunctionProvider> fonctions) {
      super(fonctions);
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      ParsedExpression analysee = analysee(expressions, expression, feelEngine::parseExpression);
      if (analysee == null) {
        return super.evaluateSimpleExpression(expression, variableContext);
      }
      Either<FeelEngine.Failure, Object> resultat = feelEngine.eval(analysee, contexte(
          new ContextVariableWrapper(variableContext)));
      if (resultat instanceof Right<FeelEngine.Failure, Object> valeur) {
        @SuppressWarnings("unchecked")
        T t = (T) valeur.value();
        return t;
      }
      return super.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      ParsedExpression analysee = analysee(tests, expression, feelEngine::parseUnaryTests);
      if (analysee == null) {
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
      }
      VariableProvider entree = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
      VariableProvider variables = new VariableProvider.CompositeVariableProvider(
          toScalaList(entree, new ContextVariableWrapper(variableContext)));
      Either<FeelEngine.Failure, Object> resultat = feelEngine.eval(analysee, contexte(variables));
      if (resultat instanceof Right<FeelEngine.Failure, Object> valeur) {
        return BoxesRunTime.unboxToBoolean(valeur.value());
      }
      return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }

    private static ParsedExpression analysee(ConcurrentHashMap<String, ParsedExpression> cache, String texte,
        Function<String, Either<FeelEngine.Failure, ParsedExpression>> analyse) {
      ParsedExpression connue = cache.get(texte);
      if (connue != null) {
        return connue;
      }
      if (analyse.apply(texte) instanceof Right<FeelEngine.Failure, ParsedExpression> reussie) {
        if (cache.size() >= TEXTES_MAX) {
          cache.clear();
        }
        cache.put(texte, reussie.value());
        return reussie.value();
      }
      return null;
    }

    private static CustomContext contexte(VariableProvider variables) {
      return new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return variables;
        }
      };
    }
  }
}
