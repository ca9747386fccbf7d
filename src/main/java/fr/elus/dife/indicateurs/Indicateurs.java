package fr.elus.dife.indicateurs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The figures of the dashboard, as GET /api/indicateurs answers them. */
@Schema(description = "Indicateurs des dossiers des associations demandées, sur la période [depuis, jusqua]")
public record Indicateurs(
    @Schema(description = "Associations comptées", example = "[\"aml45\"]") List<String> associations,
    @Schema(description = "Premier jour de la période (inclus)") LocalDate depuis,
    @Schema(description = "Dernier jour de la période (inclus)") LocalDate jusqua,
    @Schema(description = "Moment du calcul") Instant calculeLe,
    @Schema(description = "Dossiers par statut aujourd'hui (hors période), clos compris") List<ParStatut> parStatut,
    @Schema(description = "Dossiers ouverts et clos par mois de la période, par sorte de clôture") List<ParMois> parMois,
    @Schema(description = "Temps passé dans chaque étape achevée dans la période") List<DureeEtape> durees,
    @Schema(description = "Délais commencés dans la période : tenus, manqués, en cours") List<DelaiSuivi> delais,
    @Schema(description = "Nombre de dossiers en retard aujourd'hui") long nombreEnRetard,
    @Schema(description = "Dossiers en retard aujourd'hui, le plus ancien dépassement d'abord (100 au plus)")
    List<DossierEnRetard> enRetard) {

  public record ParStatut(@Schema(example = "IDENTITE_NUMERIQUE") String statut,
      @Schema(example = "Identité Numérique") String libelle, long nombre) {
  }

  public record ParMois(@Schema(example = "2026-03") String mois, long ouverts, long closFormationSuivie,
      long closDifeNonMobilise, long closAbandon) {
  }

  @Schema(description = "Temps passé dans une étape. Médiane et 90e centile sont lus comme percentile_cont sur un "
      + "histogramme des durées en secondes par tranches d'un quart de puissance de deux (de 2^n à 1,25 × 2^n, "
      + "1,5 × 2^n, 1,75 × 2^n : largeur au plus 25 % de la durée), chaque tranche gardant sa plus courte et sa "
      + "plus longue durée, les autres supposées réparties entre elles : exacts quand les durées d'une tranche "
      + "sont égales, sinon à moins d'une largeur de tranche près.")
  public record DureeEtape(String statut, String libelle,
      @Schema(description = "Étapes achevées comptées") long nombre,
      @Schema(description = "Médiane, en secondes (voir la résolution de DureeEtape)") long medianeSecondes,
      @Schema(description = "90e centile, en secondes (voir la résolution de DureeEtape)") long p90Secondes,
      @Schema(description = "Médiane, en jours (1 décimale)", example = "3.5") double medianeJours,
      @Schema(description = "90e centile, en jours (1 décimale)") double p90Jours) {
  }

  public record DelaiSuivi(@Schema(example = "AR24") String delai,
      @Schema(example = "Vérification AR24 sous 24 h ouvrées") String libelle,
      @Schema(description = "Achevés dans le délai") long tenus,
      @Schema(description = "Dépassés (achevés ou non)") long manques,
      @Schema(description = "En cours, pas encore dépassés") long enCours,
      @Schema(description = "Dépassés et toujours en cours") long enRetard,
      @Schema(description = "Part tenue : tenus / (tenus + manqués), en pourcentage à 1 décimale ; "
          + "absente sans délai achevé ni manqué", example = "87.5", nullable = true) Double partTenue) {
  }

  public record DossierEnRetard(@Schema(example = "DIFE-2026-000042") String reference,
      @Schema(description = "Instance dife-parcours, pour l'ouvrir dans Cockpit") String processInstanceId,
      String association, String statut, String libelleStatut, String delai, String libelleDelai,
      @Schema(description = "Début de l'attente") Instant depuis,
      @Schema(description = "Moment où le délai a été dépassé") Instant depasseLe,
      @Schema(description = "Jours de retard (entiers)") long joursDeRetard) {
  }
}
