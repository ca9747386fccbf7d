package fr.elus.dife.securite;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine calls the dossier services make on the caller's behalf (start the
 * journey, correlate an event or an abandon), once they have checked the caller's
 * group and association themselves: the groups hold no engine permission for these
 * writes, so that /engine-rest cannot do them around the services. The caller stays
 * the authenticated user (start user, operation log); tenant checks still apply.
 */
@Component
public class ActionDuService {

  private final ProcessEngineConfigurationImpl configuration;

  public ActionDuService(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  public <T> T executer(Supplier<T> action) {
    // nested engine calls reuse this command context, and with it the disabled check
    return configuration.getCommandExecutorTxRequired().execute(contexte -> {
      contexte.disableAuthorizationCheck();
      try {
        return action.get();
      } finally {
        contexte.enableAuthorizationCheck();
      }
    });
  }
}
