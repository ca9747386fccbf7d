package fr.elus.dife.dossier;

import static fr.elus.dife.api.ExemplesOpenApi.EXEMPLES;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.dossier.ConsultationDossier.PageDossiers;
import fr.elus.dife.dossier.ConsultationDossier.VueDossier;
import fr.elus.dife.dossier.EvenementsDossier.DejaAppliqueException;
import fr.elus.dife.dossier.EvenementsDossier.Issue;
import fr.elus.dife.dossier.OuvertureDossier.DossierOuvert;
import java.net.URI;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dossiers API of docs/CONTRACT.md. */
@Tag(name = "Dossiers", description = "Le dossier d'un élu, de l'ouverture à la clôture, et les événements extérieurs "
    + "(La Poste, CDC, organisme de formation) qui le font avancer.")
@RestController
@RequestMapping("/api/dossiers")
public class DossierController {

  /** The answer to an opening: the contract's three fields and the warnings (droits above 800 €). */
  public record Ouverture(String reference, String processInstanceId, String statutDossier,
      List<String> avertissements) {
  }

  /** What was done, for a person. */
  public record Message(String message) {
  }

  private final ValidateurDemandeOuverture validateur;
  private final OuvertureDossier ouverture;
  private final ConsultationDossier consultation;
  private final EvenementsDossier evenements;
  private final AbandonDossier abandon;

  public DossierController(ValidateurDemandeOuverture validateur, OuvertureDossier ouverture,
      ConsultationDossier consultation, EvenementsDossier evenements, AbandonDossier abandon) {
    this.abandon = abandon;
    this.validateur = validateur;
    this.ouverture = ouverture;
    this.consultation = consultation;
    this.evenements = evenements;
  }

  @Operation(summary = "Ouvrir le dossier d'un élu", description = """
      Crée le dossier (référence DIFE-AAAA-NNNNNN) et démarre le parcours. Le NIR est facultatif ; s'il \
      est donné, il doit être valide (clé de contrôle, 2A/2B pour la Corse) et n'est jamais conservé en \
      clair. `association` n'est à donner que par un compte rattaché à plusieurs associations. Des droits \
      au-delà de 800 € donnent un avertissement, pas une erreur.""")
  @ApiResponse(responseCode = "201", description = "Dossier ouvert", content = @Content(
      examples = @ExampleObject(name = "ouvert", ref = EXEMPLES + "dossier-ouvert")))
  @ApiResponse(responseCode = "400", description = "Champs invalides, tous nommés ; rien n'est créé")
  @ApiResponse(responseCode = "409", description = "Un dossier ouvert existe déjà pour cet élu dans l'association")
  @PostMapping
  public ResponseEntity<Ouverture> ouvrir(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      examples = @ExampleObject(name = "ouverture", ref = EXEMPLES + "dossier-ouverture"))) @RequestBody JsonNode corps) {
    ValidateurDemandeOuverture.Resultat demande = validateur.valider(corps);
    DossierOuvert dossier = ouverture.ouvrir(demande.demande());
    return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.reference())).body(new Ouverture(
        dossier.reference(), dossier.processInstanceId(), dossier.statutDossier(), demande.avertissements()));
  }

  @Operation(summary = "Consulter un dossier", description = "Statut, étapes en cours, échéances, répartition "
      + "du paiement et historique (tâches faites, par qui et quand ; événements ; courriels).")
  @ApiResponse(responseCode = "200", description = "Le dossier")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou d'une autre association")
  @GetMapping("/{reference}")
  public VueDossier consulter(@PathVariable String reference) {
    return consultation.consulter(reference);
  }

  @Operation(summary = "Lister les dossiers de mes associations", description = """
      Page `page` (à partir de 0) de `taille` dossiers (1 à 100), les plus récents d'abord ; `statut` filtre \
      sur statutDossier ; `recherche` trouve un texte (sans casse) dans la référence, les noms, les prénoms ou \
      la collectivité ; `enRetard=true` garde les dossiers ouverts dont une échéance est passée ; \
      `attenteEvenement=true` ceux qui attendent un événement extérieur sans aucune tâche en cours. Ces deux \
      filtres trient par prochaine échéance.""")
  @GetMapping
  public PageDossiers lister(@RequestParam(required = false) String statut,
      @RequestParam(required = false) String recherche, @RequestParam(defaultValue = "false") boolean enRetard,
      @RequestParam(defaultValue = "false") boolean attenteEvenement,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int taille) {
    return consultation.lister(statut, recherche, enRetard, attenteEvenement, page, taille);
  }

  @Operation(summary = "Les statuts d'un dossier", description = "Chaque code de statutDossier et son libellé.")
  @GetMapping("/statuts")
  public List<ConsultationDossier.Statut> statuts() {
    return consultation.statuts();
  }

  @Operation(summary = "Signaler un événement extérieur", description = """
      Types : COURRIER_RECOMMANDE_RECU, AR24_VALIDE, VERIFICATION_FACE_A_FACE_FAITE, REPONSE_CDC \
      ({resolu, piecesDemandees}), PROPOSITION_ORGANISME ({dateAcceptation, dateDebut, dateFin, \
      coutFormation, codeInseeLieu}), INSCRIPTION_VALIDEE ({dateValidation}), FORMATION_ANNULEE \
      ({signalePar: ORGANISME ou ELU, motif}), FORMATION_DEPLACEE ({signalePar, dateDebut, dateFin}) : un exemple de chacun \
      ci-dessous. `date` est la date de l'événement (ISO-8601, de 1900 à 2100). Le même idEvenement \
      renvoyé n'a pas de second effet.""")
  @ApiResponse(responseCode = "202", description = "Appliqué")
  @ApiResponse(responseCode = "200", description = "Déjà reçu : rien n'est refait")
  @ApiResponse(responseCode = "400", description = "Corps invalide")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou d'une autre association")
  @ApiResponse(responseCode = "409", description = "Le dossier n'attend pas cet événement maintenant ; rien n'a changé")
  @PostMapping("/{reference}/evenements")
  public ResponseEntity<Message> evenement(@PathVariable String reference,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
          @ExampleObject(name = "COURRIER_RECOMMANDE_RECU", ref = EXEMPLES + "evenement-courrier-recommande-recu"),
          @ExampleObject(name = "AR24_VALIDE", ref = EXEMPLES + "evenement-ar24-valide"),
          @ExampleObject(name = "VERIFICATION_FACE_A_FACE_FAITE",
              ref = EXEMPLES + "evenement-verification-face-a-face-faite"),
          @ExampleObject(name = "REPONSE_CDC", ref = EXEMPLES + "evenement-reponse-cdc"),
          @ExampleObject(name = "PROPOSITION_ORGANISME", ref = EXEMPLES + "evenement-proposition-organisme"),
          @ExampleObject(name = "INSCRIPTION_VALIDEE", ref = EXEMPLES + "evenement-inscription-validee"),
          @ExampleObject(name = "FORMATION_ANNULEE", ref = EXEMPLES + "evenement-formation-annulee"),
          @ExampleObject(name = "FORMATION_DEPLACEE", ref = EXEMPLES + "evenement-formation-deplacee")}))
      @RequestBody JsonNode corps) {
    Issue issue;
    try {
      issue = evenements.appliquer(reference, corps);
    } catch (DejaAppliqueException concurrent) {
      issue = Issue.DEJA_APPLIQUE;
    }
    return issue == Issue.APPLIQUE
        ? ResponseEntity.status(HttpStatus.ACCEPTED).body(new Message("Événement appliqué au dossier " + reference + "."))
        : ResponseEntity.ok(new Message("Événement déjà reçu : il n'a pas été appliqué une seconde fois."));
  }

  @Operation(summary = "Abandonner un dossier", description = "À toute étape, un conseiller ou un superviseur clôt le "
      + "dossier (statut CLOS_ABANDON) avec un motif ; ses échéances et ses tâches en cours disparaissent.")
  @ApiResponse(responseCode = "202", description = "Dossier clos")
  @ApiResponse(responseCode = "400", description = "Motif absent")
  @ApiResponse(responseCode = "403", description = "Ni conseiller ni superviseur")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou d'une autre association")
  @ApiResponse(responseCode = "409", description = "Dossier déjà clos")
  @PostMapping("/{reference}/abandon")
  public ResponseEntity<Message> abandonner(@PathVariable String reference, @io.swagger.v3.oas.annotations
      .parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "abandon", ref = EXEMPLES + "abandon")))
      @RequestBody JsonNode corps) {
    abandon.abandonner(reference, corps);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Message("Dossier " + reference + " abandonné."));
  }
}
