package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelaiInscriptionTest {

  @ParameterizedTest(name = "acceptée {0}, début {1} ({2}) : {3} jours, mobilisable {4}, au plus tard {5}")
  @CsvSource(nullValues = "-", value = {
      "2026-03-02,2026-03-18,-,11,true,2026-03-02",
      "2026-03-03,2026-03-18,-,10,false,2026-03-02",
      "2026-04-30,2026-05-21,-,11,true,2026-05-03",   // three holidays in May between
      "2026-04-30,2026-05-20,-,10,false,2026-04-29",
      "2026-03-20,2026-04-08,45,11,true,2026-03-22",  // the limit is a Sunday
      "2026-03-20,2026-04-08,57,10,false,2026-03-19", // Good Friday in Moselle
      "2026-11-24,2026-11-24,-,0,false,2026-11-05"})
  void delai(LocalDate acceptation, LocalDate debut, String departement, int jours, boolean mobilisable, LocalDate limite) {
    DelaiInscription delai = DelaiInscription.calculer(acceptation, debut, departement);

    assertThat(delai.joursOuvres()).isEqualTo(jours);
    assertThat(delai.mobilisable()).isEqualTo(mobilisable);
    assertThat(delai.dateLimiteAcceptation()).isEqualTo(limite);
  }

  @ParameterizedTest(name = "acceptée {0}, {1} jours ouvrés, début {2} ({3}) : valider au plus tard {4}")
  @CsvSource(nullValues = "-", value = {
      "2026-03-02,4,2026-03-18,-,2026-03-06",
      "2026-03-05,4,2026-03-25,-,2026-03-11",    // over a weekend
      "2026-03-31,4,2026-04-27,-,2026-04-07",    // Easter Monday
      "2026-03-31,4,2026-04-27,57,2026-04-08",   // and Good Friday in Moselle
      "2026-03-02,20,2026-03-18,-,2026-03-17"})  // the start comes first: its eve
  void dernierJourPourValider(LocalDate acceptation, int jours, LocalDate debut, String departement, LocalDate limite) {
    assertThat(DelaiInscription.dateLimiteValidation(acceptation, jours, debut, departement)).isEqualTo(limite);
  }
}
