package fr.elus.dife.securite;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The models are deployed once for every association; each instance belongs to
 * the association (tenant) of its dossier, so that the engine's tenant check
 * hides it, its tasks and its history from the other associations.
 */
@Component
public class AssociationTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private static final ThreadLocal<String> ASSOCIATION_DU_SERVICE = new ThreadLocal<>();

  /**
   * Starts an instance in the association the dossier service checked: the tenant
   * never comes from a variable, which any caller of the engine could set.
   */
  public static <T> T demarrerDans(String association, Supplier<T> demarrage) {
    ASSOCIATION_DU_SERVICE.set(association);
    try {
      return demarrage.get();
    } finally {
      ASSOCIATION_DU_SERVICE.remove();
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext contexte) {
    if (contexte.getSuperExecution() != null) {
      return contexte.getSuperExecution().getTenantId();
    }
    String association = ASSOCIATION_DU_SERVICE.get();
    if (association != null) {
      return association;
    }
    // started by an administrator (Cockpit, a modification): the starter's association, when it has only one
    Authentication authentification = Context.getCommandContext().getAuthentication();
    List<String> siennes = authentification == null ? null : authentification.getTenantIds();
    return siennes != null && siennes.size() == 1 ? siennes.get(0) : null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext contexte) {
    DelegateExecution execution = contexte.getExecution();
    return execution == null ? null : execution.getTenantId();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext contexte) {
    return null;
  }
}
