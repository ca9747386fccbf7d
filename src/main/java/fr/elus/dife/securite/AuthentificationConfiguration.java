package fr.elus.dife.securite;

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
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filtre =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filtre.setName("authentification-engine-rest");
    filtre.addUrlPatterns("/engine-rest/*");
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    return filtre;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationApi() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filtre =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    filtre.setName("authentification-api");
    filtre.addUrlPatterns("/api/*");
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SessionOuBasicAuthenticationProvider.class.getName());
    // so that no /api path is mistaken for an engine name or a white-listed engine-rest URL
    filtre.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
    return filtre;
  }
}
