package fr.elus.dife.regles;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration
public class ReglesConfiguration {

  static final String REFERENTIEL_COMMUNES = "referentiel/communes-nuitee.csv";

  @Bean
  ReferentielCommunes referentielCommunes() throws IOException {
    try (InputStream csv = new ClassPathResource(REFERENTIEL_COMMUNES).getInputStream()) {
      return ReferentielCommunes.lire(csv);
    }
  }
}
