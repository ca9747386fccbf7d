package fr.elus.dife.regles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ReglesConfiguration {

  @Bean
  ReferentielCommunes referentielCommunes() {
    return ReferentielCommunes.officiel();
  }
}
