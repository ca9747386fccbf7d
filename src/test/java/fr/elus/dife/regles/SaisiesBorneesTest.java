package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readers every channel uses: what they accept, what they refuse and with which
 * words, and that hostile sizes are refused from their digits, at once.
 */
class SaisiesBorneesTest {

  @ParameterizedTest(name = "« {0} » → {1}")
  @CsvSource(delimiter = '|', value = {
      "1200|1200.00", "1200.5|1200.50", "0|0.00", " 700.00 |700.00", "1 200,50|1200.50", "9999999.99|9999999.99",
      "1.20E+3|1200.00", "12.000|12.00"})
  void montantsAcceptes(String saisie, String attendu) {
    assertThat(Montant.lire(saisie)).isEqualTo(new BigDecimal(attendu));
  }

  @ParameterizedTest(name = "« {0} » : {1}")
  @CsvSource(delimiter = '|', value = {
      "-1|ne peut pas être négatif",
      "12.345|ne peut pas avoir plus de 2 décimales",
      "douze|doit être un montant en euros",
      "10000000|ne peut pas dépasser 9999999.99 €",
      "1e300000|ne peut pas dépasser 9999999.99 €",
      "1e-300000|ne peut pas avoir plus de 2 décimales",
      "12345678901234567890123456789012345678901234567890|ne peut pas dépasser 9999999.99 €",
      "''|est obligatoire"})
  void montantsRefuses(String saisie, String motif) {
    assertThatThrownBy(() -> Montant.lire(saisie)).isInstanceOf(SaisieRefusee.class).hasMessageStartingWith(motif);
  }

  @Test
  void unMontantImmenseDonneParUnAnalyseurEstRefuseSansCalcul() {
    long debut = System.nanoTime();
    for (String nombre : new String[] {"1E+300000", "1E+999999999", "9E-999999999"}) {
      assertThatThrownBy(() -> Montant.verifier(new BigDecimal(nombre))).isInstanceOf(SaisieRefusee.class);
    }
    assertThatThrownBy(() -> Montant.lire(null)).hasMessageStartingWith("est obligatoire");
    assertThat((System.nanoTime() - debut) / 1_000_000).as("millisecondes").isLessThan(100);
  }

  @ParameterizedTest(name = "« {0} » ({1}..{2}) → {3}")
  @CsvSource(delimiter = '|', value = {
      "0|0|366|0", "366|0|366|366", " 2 |1|366|2", "2.0|0|366|2", "3E+1|0|366|30"})
  void nombresAcceptes(String saisie, int minimum, int maximum, int attendu) {
    assertThat(Nombre.lire(saisie, minimum, maximum)).isEqualTo(attendu);
  }

  @ParameterizedTest(name = "« {0} » : {1}")
  @CsvSource(delimiter = '|', value = {
      "4294967297|doit être compris entre 0 et 366",   // 2^32 + 1: once read as 1
      "2147483648|doit être compris entre 0 et 366",
      "-1|doit être compris entre 0 et 366",
      "367|doit être compris entre 0 et 366",
      "1.5|doit être un nombre entier",
      "1e300000|doit être compris entre 0 et 366",
      "12345678901234567890|doit être compris entre 0 et 366",
      "deux|doit être un nombre entier",
      "''|est obligatoire"})
  void nombresRefuses(String saisie, String motif) {
    assertThatThrownBy(() -> Nombre.lire(saisie, 0, 366)).isInstanceOf(SaisieRefusee.class).hasMessageStartingWith(motif);
    if (!saisie.isBlank() && !saisie.equals("deux")) {
      assertThatThrownBy(() -> Nombre.lire(new BigDecimal(saisie), 0, 366)).hasMessageStartingWith(motif);
    }
  }

  @ParameterizedTest(name = "« {0} »")
  @CsvSource({"1900-01-01", "2026-03-02", "2100-12-31"})
  void joursAcceptes(String saisie) {
    assertThat(Jour.lire(saisie)).isEqualTo(LocalDate.parse(saisie));
  }

  @ParameterizedTest(name = "« {0} » : {1}")
  @CsvSource(delimiter = '|', value = {
      "1899-12-31|doit être une date entre 1900-01-01 et 2100-12-31",
      "2101-01-01|doit être une date entre 1900-01-01 et 2100-12-31",
      "9999-12-31|doit être une date entre 1900-01-01 et 2100-12-31",
      "+10000-01-01|doit être une date au format AAAA-MM-JJ",
      "-999999999-01-01|doit être une date au format AAAA-MM-JJ",
      "+999999999-12-31|doit être une date au format AAAA-MM-JJ",
      "2026-02-30|doit être une date au format AAAA-MM-JJ",
      "02/03/2026|doit être une date au format AAAA-MM-JJ",
      "''|est obligatoire"})
  void joursRefuses(String saisie, String motif) {
    assertThatThrownBy(() -> Jour.lire(saisie)).isInstanceOf(SaisieRefusee.class).hasMessageStartingWith(motif);
  }

  @Test
  void unJourPasseOuDuJour() {
    LocalDate aujourdhui = LocalDate.of(2026, 12, 1);
    assertThat(Jour.passeOuDuJour("2026-12-01", aujourdhui)).isEqualTo(aujourdhui);
    assertThatThrownBy(() -> Jour.passeOuDuJour("2026-12-02", aujourdhui)).hasMessage("ne peut pas être une date dans le futur");
    assertThatThrownBy(() -> Jour.verifier(LocalDate.MIN)).isInstanceOf(SaisieRefusee.class);
  }

  @ParameterizedTest(name = "« {0} » → {1}")
  @CsvSource(nullValues = "-", value = {"45,45", "2a,2A", "974,974", "-,-", "' ',-"})
  void departementsAcceptes(String saisie, String attendu) {
    assertThat(Departement.lire(saisie)).isEqualTo(attendu);
  }

  @ParameterizedTest(name = "« {0} »")
  @CsvSource({"4", "977", "2C", "045"})
  void departementsRefuses(String saisie) {
    assertThatThrownBy(() -> Departement.lire(saisie)).hasMessageStartingWith("doit être un numéro de département");
  }

  @Test
  void codesInsee() {
    assertThat(CodeInsee.lire(" 2a004 ")).isEqualTo("2A004");
    assertThatThrownBy(() -> CodeInsee.lire("7505")).hasMessageStartingWith("doit être un code commune INSEE");
    assertThatThrownBy(() -> CodeInsee.lire(null)).hasMessageStartingWith("est obligatoire");
    assertThat(new SaisieRefusee("est obligatoire").pourLeChamp("elu.nom")).isEqualTo("Le champ « elu.nom » est obligatoire.");
  }
}
