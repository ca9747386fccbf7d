package fr.elus.dife.indicateurs;

import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.indicateurs.Perimetre.Periode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/dossiers/export, beside the dossiers API but apart from it: it reads the indicators' model. */
@Tag(name = "Indicateurs")
@RestController
public class ExportController {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Perimetre perimetre;
  private final ExportDossiers export;
  private final Clock horloge;

  public ExportController(Perimetre perimetre, ExportDossiers export, Clock horloge) {
    this.perimetre = perimetre;
    this.export = export;
    this.horloge = horloge;
  }

  @Operation(summary = "Exporter les dossiers", description = """
      Une ligne par dossier ouvert dans la période (`depuis`, `jusqua` ; par défaut les 12 derniers mois), \
      filtrée par `association` et `statut` : référence, association, statut, début et fin de chaque étape, \
      issue de chaque délai (tenu, manqué, en cours, annulé), montants de la répartition et des frais THR. \
      Jamais le NIR ni les données de l'élu (nom, coordonnées, date de naissance). En-têtes en français ; \
      CSV séparé par des points-virgules avec une virgule décimale, ou classeur XLSX.""")
  @ApiResponse(responseCode = "200", description = "Le fichier", content = {
      @Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
  @ApiResponse(responseCode = "400", description = "Format, statut ou date invalide")
  @ApiResponse(responseCode = "404", description = "Association inconnue ou qui n'est pas la vôtre")
  @GetMapping("/api/dossiers/export")
  public void exporter(@Parameter(description = "csv ou xlsx") @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String association, @RequestParam(required = false) String statut,
      @RequestParam(required = false) String depuis, @RequestParam(required = false) String jusqua,
      HttpServletResponse reponse) throws IOException {
    if (!List.of("csv", "xlsx").contains(format)) {
      throw new RequeteInvalideException("format", "Le paramètre « format » vaut csv ou xlsx.");
    }
    List<String> associations = perimetre.associations(association);
    String filtreStatut = perimetre.statut(statut);
    LocalDate aujourdhui = LocalDate.now(horloge.withZone(Perimetre.PARIS));
    Periode periode = perimetre.periode(depuis, jusqua, aujourdhui);
    reponse.setContentType("csv".equals(format) ? "text/csv;charset=UTF-8" : XLSX);
    reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"dossiers-" + aujourdhui + "." + format + "\"");
    try (FormatExport sortie = "csv".equals(format) ? new FormatExport.Csv(reponse.getOutputStream())
        : new FormatExport.Xlsx(reponse.getOutputStream())) {
      export.exporter(associations, filtreStatut, periode, sortie);
    }
  }
}
