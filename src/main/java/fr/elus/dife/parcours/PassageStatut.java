package fr.elus.dife.parcours;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a dossier to a new statutDossier from the BPMN, as
 * {@code ${statut.passer(execution, 'COMPTE_FORMATION')}}. The value is checked
 * against the contract's list, so a typo in a model fails its first test.
 */
@Component("statut")
public class PassageStatut {

  private static final Logger LOG = LoggerFactory.getLogger(PassageStatut.class);

  /**
   * Sets the status on the called process and on every caller up to dife-parcours:
   * a called process works on its own copy of the variables, which its
   * {@code out variables="all"} copies back at its end, so no copy may stay stale.
   */
  public void passer(DelegateExecution execution, String statut) {
    StatutDossier nouveau = StatutDossier.valueOf(statut);
    for (DelegateExecution instance = execution.getProcessInstance(); instance != null;
        instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
      instance.setVariable(StatutDossier.VARIABLE, nouveau.name());
    }
    LOG.info("Dossier {} : statut {}", execution.getProcessBusinessKey(), nouveau);
  }
}
