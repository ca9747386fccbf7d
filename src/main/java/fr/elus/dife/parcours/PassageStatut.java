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
   * Sets the status on the dossier's own instance, the root of the chain of calls:
   * the called processes take only the variables they need, never a copy of the
   * status, so there is one status to keep and to read.
   */
  public void passer(DelegateExecution execution, String statut) {
    StatutDossier nouveau = StatutDossier.valueOf(statut);
    DelegateExecution dossier = execution.getProcessInstance();
    while (dossier.getSuperExecution() != null) {
      dossier = dossier.getSuperExecution().getProcessInstance();
    }
    dossier.setVariable(StatutDossier.VARIABLE, nouveau.name());
    LOG.info("Dossier {} : statut {}", execution.getProcessBusinessKey(), nouveau);
  }
}
