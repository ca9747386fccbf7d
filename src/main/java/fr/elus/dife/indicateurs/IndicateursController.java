package fr.elus.dife.indicateurs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures of the Cockpit dashboard and its Dossiers tab. */
@Tag(name = "Indicateurs", description = "Le flux des dossiers pour les analystes : statuts, ouvertures et clôtures, "
    + "temps passé par étape, délais tenus ou manqués, dossiers en retard. Aucune donnée personnelle.")
@RestController
@RequestMapping("/api/indicateurs")
public class IndicateursController {

  private final Perimetre perimetre;
  private final LectureIndicateurs lecture;
  private final Clock horloge;

  public IndicateursController(Perimetre perimetre, LectureIndicateurs lecture, Clock horloge) {
    this.perimetre = perimetre;
    this.lecture = lecture;
    this.horloge = horloge;
  }

  @Operation(summary = "Indicateurs des dossiers", description = """
      Pour une association (`association`) ou toutes celles de l'utilisateur, sur la période de `depuis` à \
      `jusqua` inclus (AAAA-MM-JJ ; par défaut les 12 derniers mois) : dossiers par statut aujourd'hui, \
      ouverts et clos par mois et par sorte de clôture, médiane et 90e centile du temps passé dans chaque \
      étape achevée dans la période, délais (AR24 sous 24 h ouvrées, CDC sous 14 jours, procédure courrier \
      sous 4 semaines, validation avant le début, 11 jours ouvrés) tenus ou manqués et part tenue, et les \
      dossiers en retard aujourd'hui. Un dossier compte pour un, quels que soient ses processus appelés.""")
  @ApiResponse(responseCode = "200", description = "Les indicateurs")
  @ApiResponse(responseCode = "400", description = "Date invalide, ou `depuis` après `jusqua`")
  @ApiResponse(responseCode = "404", description = "Association inconnue ou qui n'est pas la vôtre")
  @GetMapping
  public Indicateurs indicateurs(
      @Parameter(description = "Identifiant de l'association (tenant), par exemple aml45") @RequestParam(required = false) String association,
      @Parameter(description = "Premier jour, AAAA-MM-JJ") @RequestParam(required = false) String depuis,
      @Parameter(description = "Dernier jour inclus, AAAA-MM-JJ") @RequestParam(required = false) String jusqua) {
    return lecture.calculer(perimetre.associations(association),
        perimetre.periode(depuis, jusqua, LocalDate.now(horloge.withZone(Perimetre.PARIS))));
  }

  @Operation(summary = "Dossiers en cours et clos", description = "Un dossier par ligne, les plus récents d'abord : "
      + "statut, étape en cours (tâches à faire, sinon le statut), jours passés dans le statut. Filtres : "
      + "`association`, `statut`, `etat` (EN_COURS ou CLOS).")
  @ApiResponse(responseCode = "200", description = "Une page de dossiers")
  @ApiResponse(responseCode = "400", description = "Filtre ou page invalide")
  @ApiResponse(responseCode = "404", description = "Association inconnue ou qui n'est pas la vôtre")
  @GetMapping("/dossiers")
  public DossiersSuivis dossiers(@RequestParam(required = false) String association,
      @RequestParam(required = false) String statut, @RequestParam(required = false) String etat,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int taille) {
    return lecture.dossiers(perimetre.associations(association), perimetre.statut(statut), etat, page, taille);
  }
}
