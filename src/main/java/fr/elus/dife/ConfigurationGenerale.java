package fr.elus.dife;

import fr.elus.dife.securite.AssociationsProperties;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AssociationsProperties.class)
public class ConfigurationGenerale {

  /** Every deadline of the journey is French legal time. */
  public static final ZoneId FUSEAU = ZoneId.of("Europe/Paris");

  @Bean
  Clock horloge() {
    return Clock.system(FUSEAU);
  }

  @Bean
  ZoneId fuseau() {
    return FUSEAU;
  }
}
