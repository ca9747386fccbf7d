package fr.elus.dife.securite;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * For /api: a user logged into Tasklist or Cockpit is recognised by the webapp
 * session; other clients use HTTP basic, as on /engine-rest.
 */
public class SessionOuBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest requete, ProcessEngine moteur) {
    HttpSession session = requete.getSession(false);
    if (session != null) {
      Authentications authentifications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentifications != null
          && authentifications.getAuthenticationForProcessEngine(moteur.getName()) instanceof UserAuthentication u) {
        AuthenticationResult resultat = AuthenticationResult.successful(u.getIdentityId());
        resultat.setGroups(u.getGroupIds());
        resultat.setTenants(u.getTenantIds());
        return resultat;
      }
    }
    return super.extractAuthenticatedUser(requete, moteur);
  }
}
