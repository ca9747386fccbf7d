package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The postal procedure (R3): the MCF account must exist, otherwise the dossier goes
 * back to the account stage; with it, the three enclosures and the posting date.
 */
@Component("enregistrerProcedureCourrier")
public class EnregistrerProcedureCourrierListener implements TaskListener {

  static final List<String> PIECES = List.of("PIECE_IDENTITE", "JUSTIFICATIF_SECURITE_SOCIALE", "FORMULAIRE");

  private final Clock horloge;

  public EnregistrerProcedureCourrierListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    boolean compte = saisie.oui("reponseCompteMcf");
    tache.setVariable("compteMcfConfirme", compte);
    if (!compte) {
      return;
    }
    if (!saisie.liste("piecesCourrier").containsAll(PIECES)) {
      throw Saisie.invalide("piecesCourrier", "doit cocher les trois pièces (identité, sécurité sociale, "
          + "formulaire), jointes sur des pages séparées");
    }
    saisie.datePasseeOuDuJour("datePostage", LocalDate.now(horloge));
  }
}
