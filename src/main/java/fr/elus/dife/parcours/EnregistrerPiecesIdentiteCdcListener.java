package fr.elus.dife.parcours;

import fr.elus.dife.regles.Jour;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What went to the CDC after a FranceConnect+ failure (R6), when and by whom: the
 * names of the pieces only, never their images. The CDC needs all four to check the
 * identity, so a missing one is sent before the two weeks start.
 */
@Component("enregistrerPiecesIdentiteCdc")
public class EnregistrerPiecesIdentiteCdcListener implements TaskListener {

  static final List<String> PIECES = List.of("PIECE_IDENTITE_RECTO_VERSO", "CARTE_VITALE_OU_NIR", "CAPTURE_ERREUR",
      "EXPLICATION_PROBLEME");

  private final Clock horloge;

  public EnregistrerPiecesIdentiteCdcListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    if (!saisie.liste("piecesIdentiteCdc").containsAll(PIECES)) {
      throw Saisie.invalide("piecesIdentiteCdc", "doit cocher les quatre pièces (identité recto et verso, carte Vitale "
          + "ou NIR, capture de l'erreur, explication) : la Caisse des Dépôts ne vérifie pas l'identité sans elles");
    }
    LocalDate envoi = saisie.datePasseeOuDuJour("dateEnvoiPiecesCdc", LocalDate.now(horloge));
    String expediteur = saisie.choix("expediteurPiecesCdc", "ELU", "CONSEILLER");
    tache.setVariable("envoiPiecesIdentiteCdc", "le " + Jour.enFrancais(envoi)
        + (expediteur.equals("ELU") ? ", par l'élu depuis sa messagerie" : ", par le conseiller avec l'élu"));
  }
}
