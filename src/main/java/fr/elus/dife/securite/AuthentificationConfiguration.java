package fr.elus.dife.securite;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import fr.elus.dife.api.CorpsStrict;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own authentication filter in front of /engine-rest and /api: the same
 * users, groups and tenants everywhere, and 401 without valid credentials. It also
 * sets the engine's current authentication, so tenant checks apply inside /api.
 */
@Configuration
public class AuthentificationConfiguration {

  // before the authentication filters: a throttled address never gets its password checked
  @Bean
  FilterRegistrationBean<FreinMotsDePasse> freinMotsDePasse(FreinMotsDePasse frein) {
    FilterRegistrationBean<FreinMotsDePasse> filtre = new FilterRegistrationBean<>(frein);
    filtre.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*", "/v3/api-docs/*",
        "/v3/api-docs");
    filtre.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return filtre;
  }

  @Bean
  FreinMotsDePasse frein(@Value("${dife.connexion.essais-libres:5}") int essaisLibres,
      @Value("${dife.connexion.blocage-max:PT60S}") Duration blocageMax) {
    return new FreinMotsDePasse(essaisLibres, blocageMax);
  }

  @Bean
  FilterRegistrationBean<ProtectionWebApi> protectionWebApi(@Value("${dife.web.hsts:true}") boolean hsts) {
    FilterRegistrationBean<ProtectionWebApi> filtre = new FilterRegistrationBean<>(new ProtectionWebApi(hsts));
    filtre.addUrlPatterns("/api/*", "/v3/api-docs/*", "/v3/api-docs");
    filtre.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
    return filtre;
  }

  @Bean
  FilterRegistrationBean<CorpsStrict> corpsStrict() {
    FilterRegistrationBean<CorpsStrict> filtre = new FilterRegistrationBean<>(new CorpsStrict());
    filtre.addUrlPatterns("/api/*");
    filtre.setOrder(Ordered.HIGHEST_PRECEDENCE + 102);
    return filtre;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationEngineRest() {
    return filtre("/engine-rest", HttpBasicAuthenticationProvider.class);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentificationApi() {
    // prefix "" so that no /api path is mistaken for an engine name or a white-listed engine-rest URL;
    // the OpenAPI description too is for authenticated users only
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> filtre =
        filtre("", SessionOuBasicAuthenticationProvider.class);
    filtre.addUrlPatterns("/v3/api-docs", "/v3/api-docs/*");
    return filtre;
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
