package fr.elus.dife.regles.api;

import static fr.elus.dife.api.ExemplesOpenApi.EXEMPLES;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.regles.BaremeDmn;
import fr.elus.dife.regles.CategorieCommune;
import fr.elus.dife.regles.DelaiInscription;
import fr.elus.dife.regles.FraisThr;
import fr.elus.dife.regles.ReferentielCommunes;
import fr.elus.dife.regles.Repartition;
import fr.elus.dife.regles.api.LecteurRequetesRegles.DemandeDelai;
import fr.elus.dife.regles.api.LecteurRequetesRegles.DemandeFraisThr;
import fr.elus.dife.regles.api.LecteurRequetesRegles.DemandeRepartition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rules API of docs/CONTRACT.md: what a conseiller asks before an élu commits to a session. */
@Tag(name = "Règles", description = "Délai d'inscription, répartition du paiement et frais THR, "
    + "pour répondre à un élu avant qu'il ne s'engage.")
@RestController
@RequestMapping("/api/regles")
public class ReglesController {

  /** Amounts are strings with 2 decimals in every answer of /api. */
  public record ReponseRepartition(String priseEnChargeDife, String contributionCollectivite,
      String plafondCollectivite, String resteAChargeElu, boolean contributionPlafonnee) {
  }

  public record ReponseFraisThr(String montantRepas, String montantNuitees, String total, List<LigneFraisThr> lignes) {
  }

  /** codeInsee, commune and categorie for a night only (absent for meals). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LigneFraisThr(String type, String codeInsee, String commune, CategorieCommune categorie, int nombre,
      LocalDate date, String tarif, String montant) {
  }

  private final LecteurRequetesRegles lecteur;
  private final FraisThr.Bareme bareme;
  private final ReferentielCommunes communes;

  public ReglesController(LecteurRequetesRegles lecteur, FraisThr.Bareme bareme, ReferentielCommunes communes) {
    this.lecteur = lecteur;
    this.bareme = bareme;
    this.communes = communes;
  }

  @Operation(summary = "Le délai de 11 jours ouvrés est-il tenu ?", description = """
      Compte les jours ouvrés (lundi à vendredi, hors jours fériés, Vendredi saint et 26 décembre en \
      Alsace-Moselle : départements 57, 67, 68) strictement entre l'acceptation de la proposition par \
      l'organisme et le début de la formation. Il en faut au moins 11 pour mobiliser le DIFE. \
      `dateLimiteAcceptation` est la dernière date d'acceptation (un samedi ou un dimanche possiblement) \
      qui en laisse encore 11. Exemple : acceptation 2026-03-02, début 2026-03-18 : 11 jours ouvrés. \
      Dates de 1900-01-01 à 2100-12-31.""")
  @ApiResponse(responseCode = "200", description = "Le calcul", content = @Content(
      examples = @ExampleObject(name = "delai", ref = EXEMPLES + "regles-delai-inscription")))
  @ApiResponse(responseCode = "400", description = "Date absente, mal formée ou hors des années 1900 à 2100, "
      + "début avant l'acceptation, département inconnu")
  @GetMapping("/delai-inscription")
  public DelaiInscription delaiInscription(@RequestParam(required = false) String acceptation,
      @RequestParam(required = false) String debut, @RequestParam(required = false) String departement) {
    DemandeDelai demande = lecteur.delai(acceptation, debut, departement);
    return DelaiInscription.calculer(demande.acceptation(), demande.debut(), demande.departement());
  }

  @Operation(summary = "Qui paie la formation ?", description = """
      Le DIFE d'abord ; le reste par l'élu (virement) et/ou sa collectivité, dont la part ne dépasse \
      ni 75 % du coût ni le reste. La collectivité doit être sollicitée avant que l'élu ne valide son \
      inscription. `contributionPlafonnee` dit si la contribution demandée a été réduite au plafond.""")
  @ApiResponse(responseCode = "200", description = "La répartition", content = @Content(
      examples = @ExampleObject(name = "repartition", ref = EXEMPLES + "regles-repartition")))
  @ApiResponse(responseCode = "400", description = "Montant absent, négatif, à plus de 2 décimales ou d'au moins "
      + "10 millions d'euros")
  @PostMapping("/repartition")
  public ReponseRepartition repartition(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      examples = @ExampleObject(name = "demande", ref = EXEMPLES + "regles-repartition-demande")))
      @RequestBody JsonNode corps) {
    DemandeRepartition demande = lecteur.repartition(corps);
    Repartition repartition = Repartition.calculer(demande.coutFormation(), demande.droitsDife(),
        demande.contributionCollectiviteDemandee());
    return new ReponseRepartition(texte(repartition.priseEnChargeDife()), texte(repartition.contributionCollectivite()),
        texte(repartition.plafondCollectivite()), texte(repartition.resteAChargeElu()),
        repartition.contributionPlafonnee());
  }

  @Operation(summary = "Combien l'élu récupère-t-il de frais de repas et de nuitées ?", description = """
      Indemnités forfaitaires remboursées par la CDC après la formation (demande sur Mon Compte \
      Formation, motif « Ma formation en tant qu'élu », sous-motif « Frais THR ») : repas 17,50 € ; \
      nuitée 110 € à Paris, 90 € dans les villes de 200 000 habitants et plus et les communes de la \
      Métropole du Grand Paris, 70 € ailleurs (barème du 1er mars 2019, décisions DMN tarif-repas et \
      tarif-nuitee). Chaque nuitée est tarifée au barème en vigueur à sa date (`date`, sinon \
      `dateSejour`, sinon aujourd'hui).""")
  @ApiResponse(responseCode = "200", description = "Les montants et le détail", content = @Content(
      examples = @ExampleObject(name = "frais", ref = EXEMPLES + "regles-frais-thr")))
  @ApiResponse(responseCode = "400", description = "Nombre négatif, non entier ou au-delà de 366, aucune nuitée "
      + "sur une ligne, code INSEE mal formé, date hors des années 1900 à 2100, aucun barème à la date")
  @PostMapping("/frais-thr")
  public ReponseFraisThr fraisThr(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      examples = @ExampleObject(name = "demande", ref = EXEMPLES + "regles-frais-thr-demande")))
      @RequestBody JsonNode corps) {
    DemandeFraisThr demande = lecteur.fraisThr(corps);
    FraisThr.Resultat resultat;
    try {
      resultat = FraisThr.calculer(demande.repas(), demande.dateSejour(), demande.nuitees(), communes, bareme);
    } catch (BaremeDmn.AucunBaremeException e) {
      throw new RequeteInvalideException("dateSejour", e.getMessage() + " : vérifiez la date du séjour.");
    }
    return new ReponseFraisThr(texte(resultat.montantRepas()), texte(resultat.montantNuitees()),
        texte(resultat.total()), resultat.lignes().stream().map(ReglesController::ligne).toList());
  }

  private static LigneFraisThr ligne(FraisThr.Ligne ligne) {
    return new LigneFraisThr(ligne.type(), ligne.codeInsee(), ligne.commune(), ligne.categorie(), ligne.nombre(),
        ligne.date(), texte(ligne.tarif()), texte(ligne.montant()));
  }

  private static String texte(BigDecimal montant) {
    return montant.setScale(2).toPlainString();
  }
}
