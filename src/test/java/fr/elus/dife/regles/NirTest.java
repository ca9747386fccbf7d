package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {

  @ParameterizedTest(name = "{0} est valide")
  @ValueSource(strings = {
      "271044523412358",        // the contract's example with its true key (the example's 45 is wrong)
      "2 71 04 45 234 123 58",  // as printed on a carte Vitale
      "185052A01234579",        // Corse-du-Sud: 2A read as 19
      "185052b01234509",        // Haute-Corse, lower case accepted: 2B read as 18
      "355127512345603"})       // temporary number, Paris
  void accepte(String saisie) {
    assertThat(Nir.lire(saisie)).isPresent();
  }

  @ParameterizedTest(name = "{0} est refusé")
  @ValueSource(strings = {
      "271044523412345",        // the contract's example: key 45 instead of 58
      "27104452341235",         // 14 characters
      "2710445234123588",       // 16 characters
      "571044523412358",        // sex digit 5 does not exist
      "2710423C12345xx",        // letters outside the department
      "185052C01234579",        // 2C is no department
      ""})
  void refuse(String saisie) {
    assertThat(Nir.lire(saisie)).isEmpty();
  }

  @ParameterizedTest(name = "clé de {0} = {1}")
  @CsvSource({"2710445234123,58", "1850519012345,79", "1850518012345,9", "185052A012345,79", "1000000000000,47"})
  void cleDeControle(String treize, int cle) {
    assertThat(Nir.cleAttendue(treize)).isEqualTo(cle);
  }

  @Test
  void laCorseSeLitCommeSesEquivalentsNumeriques() {
    assertThat(Nir.cleAttendue("185052A012345")).isEqualTo(Nir.cleAttendue("1850519012345"));
    assertThat(Nir.cleAttendue("185052B012345")).isEqualTo(Nir.cleAttendue("1850518012345"));
  }

  @Test
  void masqueGardeSexeAnneeMoisEtCle() {
    Nir nir = Nir.lire("271044523412358").orElseThrow();
    assertThat(nir.masque()).isEqualTo("2 71 04 ** *** *** 58");
    assertThat(nir.toString()).doesNotContain("4523412");
  }

  @Test
  void absentSiNull() {
    assertThat(Nir.lire(null)).isEmpty();
  }
}
