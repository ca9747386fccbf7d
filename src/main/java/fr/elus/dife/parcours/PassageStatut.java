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

  public void passer(DelegateExecution execution, String statut) {
    StatutDossier nouveau = StatutDossier.valueOf(statut);
    DelegateExecution dossier = instanceDuDossier(execution);
    dossier.setVariable(StatutDossier.VARIABLE, nouveau.name());
    LOG.info("Dossier {} : statut {}", execution.getProcessBusinessKey(), nouveau);
  }

  // called processes (identité numérique, escalade CDC) set the status of the dife-parcours instance
  private static DelegateExecution instanceDuDossier(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }
}
