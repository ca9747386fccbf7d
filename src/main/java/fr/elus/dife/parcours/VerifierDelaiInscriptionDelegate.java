package fr.elus.dife.parcours;

import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.regles.DelaiInscription;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R6 on the organisme's proposal: 11 working days strictly between acceptance and
 * start; and the élu's last day to confirm it, from the same acceptance.
 */
@Component("verifierDelaiInscription")
public class VerifierDelaiInscriptionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(VerifierDelaiInscriptionDelegate.class);

  private final DelaisParcours delais;

  public VerifierDelaiInscriptionDelegate(DelaisParcours delais) {
    this.delais = delais;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate acceptation = LocalDate.parse((String) execution.getVariable("dateAcceptation"));
    LocalDate debut = LocalDate.parse((String) execution.getVariable("dateDebutFormation"));
    String departement = departementPrudent(execution);
    DelaiInscription delai = DelaiInscription.calculer(acceptation, debut, departement);
    execution.setVariable("joursOuvresInscription", delai.joursOuvres());
    execution.setVariable("delaiTenu", delai.mobilisable());
    execution.setVariable("dateLimiteAcceptation", delai.dateLimiteAcceptation().toString());
    execution.setVariable("dateLimiteValidation", DelaiInscription.dateLimiteValidation(acceptation,
        delais.acceptationProposition(acceptation), debut, departement).toString());
    // the validation reminder counts the same holidays as the last day it announces
    execution.setVariable("departementDelais", departement);
    LOG.info("Dossier {} : {} jours ouvrés entre l'acceptation et le début", execution.getProcessBusinessKey(),
        delai.joursOuvres());
  }

  /**
   * Alsace-Moselle has two more holidays: when the training or the collectivity is
   * there, they are counted out, as losing the DIFE is worse than asking early.
   */
  static String departementPrudent(VariableScope dossier) {
    for (String variable : new String[] {"codeInseeLieuFormation", "collectiviteCodeInsee"}) {
      Object code = dossier.getVariable(variable);
      if (code != null && CalendrierOuvre.estAlsaceMoselle(code.toString().substring(0, 2))) {
        return code.toString().substring(0, 2);
      }
    }
    return null;
  }
}
