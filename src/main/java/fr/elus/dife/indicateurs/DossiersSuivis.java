package fr.elus.dife.indicateurs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of the Dossiers tab of Cockpit: dossiers, not process instances. */
@Schema(description = "Page de dossiers (un par dossier, processus appelés non comptés)")
public record DossiersSuivis(int page, int taille, long total, List<DossierSuivi> dossiers) {

  public record DossierSuivi(@Schema(example = "DIFE-2026-000042") String reference,
      @Schema(description = "Instance dife-parcours, pour l'ouvrir dans Cockpit") String processInstanceId,
      String association, String statut, String libelleStatut,
      @Schema(description = "Tâches en cours, sinon l'étape du statut", example = "Appeler l'assistance La Poste")
      String etapeEnCours,
      @Schema(description = "Début du statut actuel") Instant depuis,
      @Schema(description = "Jours entiers passés dans le statut actuel (0 pour un dossier clos)") long joursDansEtape,
      Instant dateOuverture, @Schema(nullable = true) Instant dateCloture) {
  }
}
