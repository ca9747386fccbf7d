package fr.elus.dife.regles;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.api.ErreurChamp;
import fr.elus.dife.api.RequeteInvalideException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rules API of CONTRACT.md: what a conseiller asks before an élu commits to a session. */
@Tag(name = "Règles", description = "Délai d'inscription, répartition du paiement et frais THR, "
    + "pour répondre à un élu avant qu'il ne s'engage.")
@RestController
@RequestMapping("/api/regles")
public class ReglesController {

  private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|97[1-6]");
  private static final int NOMBRE_MAX = 366;

  private final FraisThr.Bareme bareme;
  private final ReferentielCommunes communes;
  private final Clock horloge;

  public ReglesController(FraisThr.Bareme bareme, ReferentielCommunes communes, Clock horloge) {
    this.bareme = bareme;
    this.communes = communes;
    this.horloge = horloge;
  }

  @Operation(summary = "Le délai de 11 jours ouvrés est-il tenu ?", description = """
      Compte les jours ouvrés (lundi à vendredi, hors jours fériés, Vendredi saint et 26 décembre en \
      Alsace-Moselle : départements 57, 67, 68) strictement entre l'acceptation de la proposition par \
      l'organisme et le début de la formation. Il en faut au moins 11 pour mobiliser le DIFE. \
      `dateLimiteAcceptation` est la dernière date d'acceptation (un samedi ou un dimanche possiblement) \
      qui en laisse encore 11. Exemple : acceptation 2026-03-02, début 2026-03-18 : 11 jours ouvrés.""")
  @ApiResponse(responseCode = "200", description = "Le calcul",
      content = @Content(examples = @ExampleObject(value = "{\"joursOuvres\": 11, \"mobilisable\": true, "
          + "\"dateLimiteAcceptation\": \"2026-03-02\"}")))
  @ApiResponse(responseCode = "400", description = "Date absente ou mal formée, début avant l'acceptation, département inconnu")
  @GetMapping("/delai-inscription")
  public Map<String, Object> delaiInscription(@RequestParam(required = false) String acceptation,
      @RequestParam(required = false) String debut, @RequestParam(required = false) String departement) {
    List<ErreurChamp> erreurs = new ArrayList<>();
    LocalDate dateAcceptation = dateParametre("acceptation", acceptation, erreurs);
    LocalDate dateDebut = dateParametre("debut", debut, erreurs);
    if (departement != null && !DEPARTEMENT.matcher(departement).matches()) {
      erreurs.add(new ErreurChamp("departement",
          "Le paramètre « departement » doit être un numéro de département (45, 2A, 974…)."));
    }
    if (dateAcceptation != null && dateDebut != null && dateDebut.isBefore(dateAcceptation)) {
      erreurs.add(new ErreurChamp("debut",
          "Le paramètre « debut » ne peut pas précéder la date d'acceptation."));
    }
    if (!erreurs.isEmpty()) {
      throw new RequeteInvalideException(erreurs);
    }
    DelaiInscription delai = DelaiInscription.calculer(dateAcceptation, dateDebut, departement);
    Map<String, Object> reponse = new LinkedHashMap<>();
    reponse.put("joursOuvres", delai.joursOuvres());
    reponse.put("mobilisable", delai.mobilisable());
    reponse.put("dateLimiteAcceptation", delai.dateLimiteAcceptation().toString());
    return reponse;
  }

  @Operation(summary = "Qui paie la formation ?", description = """
      Le DIFE d'abord ; le reste par l'élu (virement) et/ou sa collectivité, dont la part ne dépasse \
      ni 75 % du coût ni le reste. La collectivité doit être sollicitée avant que l'élu ne valide son \
      inscription. `contributionPlafonnee` dit si la contribution demandée a été réduite au plafond.""")
  @ApiResponse(responseCode = "200", description = "La répartition",
      content = @Content(examples = @ExampleObject(value = "{\"priseEnChargeDife\": \"700.00\", "
          + "\"contributionCollectivite\": \"400.00\", \"plafondCollectivite\": \"500.00\", "
          + "\"resteAChargeElu\": \"100.00\", \"contributionPlafonnee\": false}")))
  @ApiResponse(responseCode = "400", description = "Montant absent, négatif ou à plus de 2 décimales")
  @PostMapping("/repartition")
  public Map<String, Object> repartition(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      examples = @ExampleObject(value = "{\"coutFormation\": \"1200.00\", \"droitsDife\": \"700.00\", "
          + "\"contributionCollectiviteDemandee\": \"400.00\"}"))) @RequestBody JsonNode corps) {
    ChampsJson champs = new ChampsJson(corps);
    BigDecimal cout = champs.montant("coutFormation", true);
    BigDecimal droits = champs.montant("droitsDife", true);
    BigDecimal demandee = champs.montant("contributionCollectiviteDemandee", true);
    champs.verifier();
    Repartition repartition = Repartition.calculer(cout, droits, demandee);
    Map<String, Object> reponse = new LinkedHashMap<>();
    reponse.put("priseEnChargeDife", texte(repartition.priseEnChargeDife()));
    reponse.put("contributionCollectivite", texte(repartition.contributionCollectivite()));
    reponse.put("plafondCollectivite", texte(repartition.plafondCollectivite()));
    reponse.put("resteAChargeElu", texte(repartition.resteAChargeElu()));
    reponse.put("contributionPlafonnee", repartition.contributionPlafonnee());
    return reponse;
  }

  @Operation(summary = "Combien l'élu récupère-t-il de frais de repas et de nuitées ?", description = """
      Indemnités forfaitaires remboursées par la CDC après la formation (demande sur Mon Compte \
      Formation, motif « Ma formation en tant qu'élu », sous-motif « Frais THR ») : repas 17,50 € ; \
      nuitée 110 € à Paris, 90 € dans les villes de 200 000 habitants et plus et les communes de la \
      Métropole du Grand Paris, 70 € ailleurs (barème du 1er mars 2019, décisions DMN tarif-repas et \
      tarif-nuitee). Chaque nuitée est tarifée au barème en vigueur à sa date (`date`, sinon \
      `dateSejour`, sinon aujourd'hui).""")
  @ApiResponse(responseCode = "200", description = "Les montants et le détail",
      content = @Content(examples = @ExampleObject(value = "{\"montantRepas\": \"35.00\", "
          + "\"montantNuitees\": \"110.00\", \"total\": \"145.00\", \"lignes\": [{\"type\": \"REPAS\", \"nombre\": 2, "
          + "\"date\": \"2026-03-18\", \"tarif\": \"17.50\", \"montant\": \"35.00\"}, {\"type\": \"NUITEE\", "
          + "\"codeInsee\": \"75056\", \"commune\": \"Paris\", \"categorie\": \"PARIS\", \"nombre\": 1, "
          + "\"date\": \"2026-03-18\", \"tarif\": \"110.00\", \"montant\": \"110.00\"}]}")))
  @ApiResponse(responseCode = "400", description = "Nombre négatif ou non entier, aucune nuitée sur une ligne, "
      + "code INSEE mal formé, aucun barème à la date")
  @PostMapping("/frais-thr")
  public Map<String, Object> fraisThr(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      examples = @ExampleObject(value = "{\"repas\": 2, \"dateSejour\": \"2026-03-18\", "
          + "\"nuitees\": [{\"codeInsee\": \"75056\", \"nombre\": 1}]}"))) @RequestBody JsonNode corps) {
    ChampsJson champs = new ChampsJson(corps);
    LocalDate dateSejour = champs.present("dateSejour") ? champs.date("dateSejour", true) : LocalDate.now(horloge);
    Integer repas = nombre(champs, "repas", 0);
    List<FraisThr.Nuitees> nuitees = new ArrayList<>();
    JsonNode liste = champs.noeud("nuitees");
    if (liste != null && !liste.isArray()) {
      champs.erreur("nuitees", "Le champ « nuitees » doit être une liste de { codeInsee, nombre }.");
    } else if (liste != null) {
      for (int i = 0; i < liste.size(); i++) {
        String chemin = "nuitees." + i;
        String code = champs.texte(chemin + ".codeInsee", true, 5);
        if (code != null && !CodeInsee.estValide(code)) {
          champs.erreur(chemin + ".codeInsee", "Le champ « " + chemin + ".codeInsee » doit être " + CodeInsee.FORMAT_ATTENDU + ".");
        }
        Integer nombre = nombre(champs, chemin + ".nombre", 1);
        LocalDate date = champs.present(chemin + ".date") ? champs.date(chemin + ".date", true) : dateSejour;
        if (code != null && nombre != null && date != null) {
          nuitees.add(new FraisThr.Nuitees(code, nombre, date));
        }
      }
    }
    champs.verifier();
    FraisThr.Resultat resultat;
    try {
      resultat = FraisThr.calculer(repas, dateSejour, nuitees, communes, bareme);
    } catch (BaremeDmn.AucunBaremeException e) {
      throw new RequeteInvalideException("dateSejour", e.getMessage() + " : vérifiez la date du séjour.");
    }
    Map<String, Object> reponse = new LinkedHashMap<>();
    reponse.put("montantRepas", texte(resultat.montantRepas()));
    reponse.put("montantNuitees", texte(resultat.montantNuitees()));
    reponse.put("total", texte(resultat.total()));
    reponse.put("lignes", resultat.lignes().stream().map(ReglesController::ligne).toList());
    return reponse;
  }

  private static Map<String, Object> ligne(FraisThr.Ligne ligne) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", ligne.type());
    if (ligne.codeInsee() != null) {
      json.put("codeInsee", ligne.codeInsee());
      json.put("commune", ligne.commune());
      json.put("categorie", ligne.categorie());
    }
    json.put("nombre", ligne.nombre());
    json.put("date", ligne.date().toString());
    json.put("tarif", texte(ligne.tarif()));
    json.put("montant", texte(ligne.montant()));
    return json;
  }

  /** A whole count, at least minimum; absent reads as 0 only when 0 is allowed. */
  private static Integer nombre(ChampsJson champs, String chemin, int minimum) {
    JsonNode noeud = champs.noeud(chemin);
    if (noeud == null && minimum == 0) {
      return 0;
    }
    if (noeud == null || !noeud.canConvertToExactIntegral() || noeud.isTextual()) {
      champs.erreur(chemin, "Le champ « " + chemin + " » doit être un nombre entier.");
      return null;
    }
    int valeur = noeud.asInt();
    if (valeur < minimum || valeur > NOMBRE_MAX) {
      champs.erreur(chemin, "Le champ « " + chemin + " » doit être compris entre " + minimum + " et " + NOMBRE_MAX + ".");
      return null;
    }
    return valeur;
  }

  private static LocalDate dateParametre(String nom, String valeur, List<ErreurChamp> erreurs) {
    if (valeur == null || valeur.isBlank()) {
      erreurs.add(new ErreurChamp(nom, "Le paramètre « " + nom + " » est obligatoire (AAAA-MM-JJ)."));
      return null;
    }
    try {
      return LocalDate.parse(valeur);
    } catch (DateTimeParseException e) {
      erreurs.add(new ErreurChamp(nom, "Le paramètre « " + nom + " » doit être une date AAAA-MM-JJ."));
      return null;
    }
  }

  private static String texte(BigDecimal montant) {
    return montant.setScale(2).toPlainString();
  }

}
