package fr.elus.dife.parcours;

import fr.elus.dife.regles.DelaiInscription;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.PropositionOrganisme;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The chosen training (R5), checked; and the early warning of R6: the date by
 * which the organisme must accept for 11 working days to remain before the start.
 */
@Component("enregistrerChoixFormation")
public class EnregistrerChoixFormationListener implements TaskListener {

  private final Clock horloge;

  public EnregistrerChoixFormationListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    saisie.choix("moyenRecherche", "DROITS_MANDAT", "RECHERCHE", "LIEN_ORGANISME");
    saisie.texte("organismeFormation");
    saisie.texte("intituleFormation");
    LocalDate aujourdhui = LocalDate.now(horloge);
    PropositionOrganisme session = saisie.sessionChoisie(aujourdhui);
    tache.setVariable("coutFormation", session.coutFormation().toPlainString());
    tache.setVariable("codeInseeLieuFormation", session.codeInseeLieu());
    // optional: without it, the collectivity is asked by a letter the conseiller prints
    tache.setVariable("emailCollectivite", saisie.adresseFacultative("emailCollectivite"));

    alerter(tache, aujourdhui, session.dateDebut());
  }

  /**
   * After an escalation paused the registration (up to two weeks), the date by which
   * the organisme must accept is told again against today, as at the choice.
   */
  public void recalculer(DelegateExecution execution) {
    alerter(execution, LocalDate.now(horloge), Jour.lire(execution.getVariable("dateDebutFormation").toString()));
  }

  // the élu's or the training's Alsace-Moselle holidays count, as for the 11 days themselves
  private static void alerter(VariableScope dossier, LocalDate aujourdhui, LocalDate debut) {
    LocalDate limite = DelaiInscription.dateLimiteAcceptation(debut,
        VerifierDelaiInscriptionDelegate.departementPrudent(dossier));
    dossier.setVariable("alerteDelaiInscription", aujourdhui.isAfter(limite)
        ? "ATTENTION : pour tenir les 11 jours ouvrés, l'organisme aurait dû accepter au plus tard le "
            + Jour.enFrancais(limite) + " ; le DIFE ne pourra pas être mobilisé sur cette session."
        : "L'organisme doit accepter la demande au plus tard le " + Jour.enFrancais(limite)
            + " pour tenir les 11 jours ouvrés.");
  }
}
