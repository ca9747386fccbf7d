package fr.elus.dife.securite;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who calls /api: the authentication that {@code ProcessEngineAuthenticationFilter}
 * set on the engine for this request, so that /api, /engine-rest and the webapps
 * apply the same groups and tenants.
 */
@Component
public class UtilisateurCourant {

  private final IdentityService identityService;

  public UtilisateurCourant(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String identifiant() {
    return authentification().getUserId();
  }

  /** The associations (tenants) whose dossiers the caller may see. */
  public List<String> associations() {
    List<String> tenants = authentification().getTenantIds();
    return tenants == null ? List.of() : tenants;
  }

  public boolean estAdministrateur() {
    return estDansUnDe(Groupes.ADMINISTRATEURS);
  }

  public boolean estDansUnDe(String... groupes) {
    List<String> siens = authentification().getGroupIds();
    return siens != null && List.of(groupes).stream().anyMatch(siens::contains);
  }

  public boolean peutVoir(String association) {
    return estAdministrateur() || associations().contains(association);
  }

  private Authentication authentification() {
    Authentication authentification = identityService.getCurrentAuthentication();
    if (authentification == null) {
      // the authentication filter lets no anonymous request reach /api
      throw new IllegalStateException("Aucun utilisateur authentifié pour cette requête");
    }
    return authentification;
  }

}
