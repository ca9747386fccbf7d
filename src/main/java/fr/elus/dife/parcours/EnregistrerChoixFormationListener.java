package fr.elus.dife.parcours;

import fr.elus.dife.regles.DelaiInscription;
import fr.elus.dife.regles.PropositionOrganisme;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The chosen training (R5), checked; and the early warning of R6: the date by
 * which the organisme must accept for 11 working days to remain before the start.
 */
@Component("enregistrerChoixFormation")
public class EnregistrerChoixFormationListener implements TaskListener {

  private static final DateTimeFormatter FRANCAIS = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    LocalDate limite = DelaiInscription.dateLimiteAcceptation(session.dateDebut(), null);
    tache.setVariable("alerteDelaiInscription", aujourdhui.isAfter(limite)
        ? "ATTENTION : pour tenir les 11 jours ouvrés, l'organisme aurait dû accepter au plus tard le "
            + limite.format(FRANCAIS) + " ; le DIFE ne pourra pas être mobilisé sur cette session."
        : "L'organisme doit accepter la demande au plus tard le " + limite.format(FRANCAIS)
            + " pour tenir les 11 jours ouvrés.");
  }
}
