package fr.elus.dife.dossier;

import fr.elus.dife.api.RessourceIntrouvableException;
import fr.elus.dife.dossier.DossierRepository.DossierEnregistre;
import fr.elus.dife.securite.UtilisateurCourant;
import org.springframework.stereotype.Component;

/**
 * Finds a dossier the caller may see, before reading or changing it: the same 404
 * for a dossier that does not exist and for one of another association, so that
 * nobody learns which references exist elsewhere.
 */
@Component
public class DossiersVisibles {

  private final DossierRepository dossiers;
  private final UtilisateurCourant utilisateur;

  public DossiersVisibles(DossierRepository dossiers, UtilisateurCourant utilisateur) {
    this.dossiers = dossiers;
    this.utilisateur = utilisateur;
  }

  /** The dossier if it exists and belongs to one of the caller's associations; 404 otherwise. */
  public DossierEnregistre trouver(String reference) {
    return dossiers.trouver(reference)
        .filter(d -> utilisateur.peutVoir(d.association()))
        .orElseThrow(() -> new RessourceIntrouvableException("Aucun dossier " + reference + " dans vos associations."));
  }
}
