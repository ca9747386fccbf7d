package fr.elus.dife.indicateurs;

import fr.elus.dife.securite.Groupes;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /actuator/prometheus counts every association's dossiers: only an administrator
 * (camunda-admin, HTTP basic) reads it, as a Prometheus server would be set up to.
 */
@Configuration
public class MetriquesConfiguration {

  static final String CHEMIN = "/actuator/prometheus";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationMetriques() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filtre =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filtre.setName("authentification-metriques");
    filtre.addUrlPatterns(CHEMIN, CHEMIN + "/*");
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        AdministrateursSeulement.class.getName());
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
    return filtre;
  }

  /** HTTP basic, and the user must be an administrator: anyone else gets 401 as if unknown. */
  public static class AdministrateursSeulement extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest requete, ProcessEngine moteur) {
      AuthenticationResult resultat = super.extractAuthenticatedUser(requete, moteur);
      if (resultat.isAuthenticated() && moteur.getIdentityService().createGroupQuery()
          .groupMember(resultat.getAuthenticatedUser()).groupId(Groupes.ADMINISTRATEURS).count() == 0) {
        return AuthenticationResult.unsuccessful(resultat.getAuthenticatedUser());
      }
      return resultat;
    }
  }
}
