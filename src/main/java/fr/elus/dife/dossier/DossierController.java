package fr.elus.dife.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.dossier.ConsultationDossier.PageDossiers;
import fr.elus.dife.dossier.ConsultationDossier.VueDossier;
import fr.elus.dife.dossier.EvenementsDossier.DejaAppliqueException;
import fr.elus.dife.dossier.EvenementsDossier.Issue;
import fr.elus.dife.dossier.OuvertureDossier.DossierOuvert;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dossiers API of CONTRACT.md. */
@RestController
@RequestMapping("/api/dossiers")
public class DossierController {

  private final ValidateurDemandeOuverture validateur;
  private final OuvertureDossier ouverture;
  private final ConsultationDossier consultation;
  private final EvenementsDossier evenements;

  public DossierController(ValidateurDemandeOuverture validateur, OuvertureDossier ouverture,
      ConsultationDossier consultation, EvenementsDossier evenements) {
    this.validateur = validateur;
    this.ouverture = ouverture;
    this.consultation = consultation;
    this.evenements = evenements;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> ouvrir(@RequestBody JsonNode corps) {
    ValidateurDemandeOuverture.Resultat demande = validateur.valider(corps);
    DossierOuvert dossier = ouverture.ouvrir(demande.demande());
    Map<String, Object> reponse = new LinkedHashMap<>();
    reponse.put("reference", dossier.reference());
    reponse.put("processInstanceId", dossier.processInstanceId());
    reponse.put("statutDossier", dossier.statutDossier());
    reponse.put("avertissements", demande.avertissements());
    return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.reference())).body(reponse);
  }

  @GetMapping("/{reference}")
  public VueDossier consulter(@PathVariable String reference) {
    return consultation.consulter(reference);
  }

  @GetMapping
  public PageDossiers lister(@RequestParam(required = false) String statut,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int taille) {
    return consultation.lister(statut, page, taille);
  }

  @PostMapping("/{reference}/evenements")
  public ResponseEntity<Map<String, String>> evenement(@PathVariable String reference, @RequestBody JsonNode corps) {
    Issue issue;
    try {
      issue = evenements.appliquer(reference, corps);
    } catch (DejaAppliqueException concurrent) {
      issue = Issue.DEJA_APPLIQUE;
    }
    return issue == Issue.APPLIQUE
        ? ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "Événement appliqué au dossier " + reference + "."))
        : ResponseEntity.ok(Map.of("message", "Événement déjà reçu : il n'a pas été appliqué une seconde fois."));
  }
}
