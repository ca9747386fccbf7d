package fr.elus.dife.parcours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** dife.delais.* as Spring binds it at start: defaults, dated delays, and a typo that stops the start. */
class DelaisPropertiesTest {

  private static DelaisProperties lier(Map<String, String> proprietes) {
    return new Binder(new MapConfigurationPropertySource(proprietes)).bindOrCreate("dife.delais", DelaisProperties.class);
  }

  private static DelaisParcours au(String jour, DelaisProperties proprietes) {
    return new DelaisParcours(proprietes, Clock.fixed(Instant.parse(jour + "T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void sansConfigurationLesDelaisParDefaut() {
    DelaisParcours delais = au("2026-12-01", lier(Map.of()));

    assertThat(delais.getRelanceCdc()).isEqualTo("PT336H");
    assertThat(Duration.parse(delais.getRelanceCdc())).isEqualTo(Duration.ofDays(14));
    assertThat(delais.getRappelValidation()).isEqualTo(1);
    assertThat(delais.getReponseOrganisme()).isEqualTo(2);
    assertThat(lier(Map.of())).isEqualTo(DelaisProperties.PAR_DEFAUT);
  }

  @Test
  void unDelaiDateSAppliqueDepuisSaDate() {
    DelaisProperties proprietes = lier(Map.of("dife.delais.relance-cdc", "P10D",
        "dife.delais.rappel-validation-jours-ouvres", "5",
        "dife.delais.reponse-organisme[0].depuis", "2022-01-01", "dife.delais.reponse-organisme[0].jours-ouvres", "2",
        "dife.delais.reponse-organisme[1].depuis", "2027-01-01", "dife.delais.reponse-organisme[1].jours-ouvres", "4"));

    assertThat(au("2026-12-31", proprietes).getReponseOrganisme()).isEqualTo(2);
    assertThat(au("2027-01-01", proprietes).getReponseOrganisme()).isEqualTo(4);
    assertThat(au("2027-01-01", proprietes).getRelanceCdc()).isEqualTo("PT240H");
    assertThat(au("2027-01-01", proprietes).getRappelValidation()).isEqualTo(5);
    assertThatThrownBy(() -> au("2021-12-31", proprietes).getReponseOrganisme())
        .hasMessageContaining("Aucun délai de réponse de l'organisme en vigueur le 2021-12-31");
  }

  @Test
  void uneValeurFausseArreteLeDemarrage() {
    assertThatThrownBy(() -> lier(Map.of("dife.delais.relance-cdc", "quinze jours")))
        .isInstanceOf(BindException.class).hasMessageContaining("dife.delais.relance-cdc");
  }
}
