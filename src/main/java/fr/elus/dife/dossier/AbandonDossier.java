package fr.elus.dife.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.api.ConflitException;
import fr.elus.dife.api.InterditException;
import fr.elus.dife.dossier.DossierRepository.DossierEnregistre;
import fr.elus.dife.securite.ActionDuService;
import fr.elus.dife.securite.Groupes;
import fr.elus.dife.securite.UtilisateurCourant;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a dossier at any stage (CLOS_ABANDON) through the abandon event subprocess
 * of dife-parcours: its timers, tasks and called processes go with it.
 */
@Service
public class AbandonDossier {

  private static final Logger LOG = LoggerFactory.getLogger(AbandonDossier.class);

  private final RuntimeService runtimeService;
  private final DossiersVisibles visibles;
  private final UtilisateurCourant utilisateur;
  private final ActionDuService service;

  public AbandonDossier(RuntimeService runtimeService, DossiersVisibles visibles,
      UtilisateurCourant utilisateur, ActionDuService service) {
    this.service = service;
    this.runtimeService = runtimeService;
    this.visibles = visibles;
    this.utilisateur = utilisateur;
  }

  @Transactional
  public void abandonner(String reference, JsonNode corps) {
    DossierEnregistre dossier = visibles.trouver(reference);
    ChampsJson champs = new ChampsJson(corps);
    String motif = champs.texte("motif", true, 1000);
    champs.verifier();
    if (!utilisateur.estDansUnDe(Groupes.ADMINISTRATEURS, Groupes.CONSEILLERS, Groupes.SUPERVISEURS)) {
      throw new InterditException("Seuls les conseillers et les superviseurs peuvent abandonner un dossier.");
    }
    try {
      service.executer(() -> runtimeService.createMessageCorrelation("AbandonDossier")
          .processInstanceId(dossier.processInstanceId())
          .setVariables(Map.of("motifAbandon", motif, "abandonnePar", utilisateur.identifiant()))
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException dejaClos) {
      throw new ConflitException("Le dossier " + reference + " est déjà clos.");
    }
    LOG.info("Dossier {} abandonné par {}", reference, utilisateur.identifiant());
  }
}
