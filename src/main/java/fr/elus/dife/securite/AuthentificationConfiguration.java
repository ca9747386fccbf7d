package fr.elus.dife.securite;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own authentication filter in front of /engine-rest and /api: the same
 * users, groups and tenants everywhere, and 401 without valid credentials. It also
 * sets the engine's current authentication, so tenant checks apply inside /api.
 */
@Configuration
public class AuthentificationConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationEngineRest() {
    return filtre("/engine-rest", HttpBasicAuthenticationProvider.class);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationApi() {
    // prefix "" so that no /api path is mistaken for an engine name or a white-listed engine-rest URL
    return filtre("", SessionOuBasicAuthenticationProvider.class);
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> filtre(String prefixe,
      Class<? extends AuthenticationProvider> fournisseur) {
    String chemin = prefixe.isEmpty() ? "/api" : prefixe;
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filtre =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filtre.setName("authentification" + chemin.replace('/', '-'));
    filtre.addUrlPatterns(chemin + "/*");
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, fournisseur.getName());
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefixe);
    return filtre;
  }
}
