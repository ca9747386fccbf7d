package fr.elus.dife.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of /api served at /v3/api-docs and /swagger-ui/index.html. */
@Configuration
public class OpenApiConfiguration {

  @Bean
  OpenAPI descriptionApi() {
    return new OpenAPI()
        .info(new Info().title("DIFE : API des dossiers et des règles").version("1")
            .description("""
                Suivi des élus qui mobilisent leur DIFE (Droit Individuel à la Formation des Élus) sur \
                Mon Compte Formation. Toutes les réponses sont en français ; les montants sont des chaînes \
                à 2 décimales (« 1200.00 »), les dates au format ISO-8601. Une requête invalide reçoit \
                400 avec `{erreurs: [{champ, message}]}`, et rien n'est écrit. Authentification HTTP \
                basic (les mêmes comptes que Camunda) ; chaque utilisateur ne voit que son association."""))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
