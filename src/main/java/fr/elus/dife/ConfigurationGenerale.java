package fr.elus.dife;

import fr.elus.dife.parcours.DelaisProperties;
import fr.elus.dife.regles.CalendrierOuvre;
import fr.elus.dife.securite.AssociationsProperties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({AssociationsProperties.class, DelaisProperties.class})
public class ConfigurationGenerale {

  /**
   * The engine's clock (system time unless moved, as the demo data does to create
   * dossiers in the past): rules, listeners and timers then agree on "today".
   */
  @Bean
  Clock horloge() {
    return new HorlogeDuMoteur(CalendrierOuvre.FUSEAU);
  }

  public static final class HorlogeDuMoteur extends Clock {
    private final ZoneId fuseau;

    public HorlogeDuMoteur(ZoneId fuseau) {
      this.fuseau = fuseau;
    }

    @Override
    public ZoneId getZone() {
      return fuseau;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new HorlogeDuMoteur(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }

  @Bean
  ZoneId fuseau() {
    return CalendrierOuvre.FUSEAU;
  }
}
