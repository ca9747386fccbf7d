package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R8 with the sources' barème written out, and with a dated change. */
class FraisThrTest {

  private static final LocalDate CHANGEMENT = LocalDate.of(2027, 1, 1);

  /** The sources' figures until 2026, a hypothetical raise after: a stay is priced on its own date. */
  private static final FraisThr.Bareme BAREME = new FraisThr.Bareme() {
    @Override
    public BigDecimal tarifRepas(LocalDate date) {
      return new BigDecimal(date.isBefore(CHANGEMENT) ? "17.50" : "20.00");
    }

    @Override
    public BigDecimal tarifNuitee(CategorieCommune categorie, LocalDate date) {
      boolean ancien = date.isBefore(CHANGEMENT);
      return new BigDecimal(switch (categorie) {
        case PARIS -> ancien ? "110" : "140";
        case GRANDE_VILLE, GRAND_PARIS -> ancien ? "90" : "120";
        case AUTRE -> ancien ? "70" : "90";
      });
    }
  };

  private static final LocalDate SEJOUR = LocalDate.of(2026, 3, 18);

  @Test
  void deuxRepasEtUneNuitADeParis() {
    FraisThr.Resultat r = FraisThr.calculer(2, SEJOUR, List.of(new FraisThr.Nuitees("75056", 1, SEJOUR)),
        ReferentielCommunesDeTest.livre(), BAREME);

    assertThat(r.montantRepas()).isEqualTo("35.00");
    assertThat(r.montantNuitees()).isEqualTo("110.00");
    assertThat(r.total()).isEqualTo("145.00");
    assertThat(r.lignes()).extracting(FraisThr.Ligne::type).containsExactly("REPAS", "NUITEE");
    assertThat(r.lignes().get(1).commune()).isEqualTo("Paris");
  }

  @Test
  void nuitsEnMetropoleDuGrandParisDansUneGrandeVilleEtAilleurs() {
    FraisThr.Resultat r = FraisThr.calculer(3, SEJOUR, List.of(
        new FraisThr.Nuitees("93066", 2, SEJOUR),      // Saint-Denis: Grand Paris
        new FraisThr.Nuitees("69123", 1, SEJOUR),      // Lyon
        new FraisThr.Nuitees("45234", 1, SEJOUR)),     // Orléans
        ReferentielCommunesDeTest.livre(), BAREME);

    assertThat(r.montantRepas()).isEqualTo("52.50");
    assertThat(r.montantNuitees()).isEqualTo("340.00");
    assertThat(r.total()).isEqualTo("392.50");
    assertThat(r.lignes()).extracting(FraisThr.Ligne::categorie)
        .containsExactly(null, CategorieCommune.GRAND_PARIS, CategorieCommune.GRANDE_VILLE, CategorieCommune.AUTRE);
  }

  @Test
  void chaqueNuiteeAuBaremeDeSaDate() {
    FraisThr.Resultat r = FraisThr.calculer(0, SEJOUR, List.of(
        new FraisThr.Nuitees("75056", 1, LocalDate.of(2026, 12, 31)),
        new FraisThr.Nuitees("75056", 1, CHANGEMENT)), ReferentielCommunesDeTest.livre(), BAREME);

    assertThat(r.lignes()).extracting(FraisThr.Ligne::tarif).containsExactly(new BigDecimal("110"), new BigDecimal("140"));
    assertThat(r.total()).isEqualTo("250.00");
  }

  @Test
  void unSejourAChevalSurDeuxBaremesPaieChaqueNuitAuTarifDeSaDate() {
    FraisThr.Resultat r = FraisThr.calculer(0, SEJOUR, List.of(
        new FraisThr.Nuitees("69123", 3, LocalDate.of(2026, 12, 30)),
        new FraisThr.Nuitees("45234", 2, LocalDate.of(2027, 1, 2))), ReferentielCommunesDeTest.livre(), BAREME);

    // Lyon: 30 and 31 December at 90, 1 January at 120; Orléans: two nights at the new 90
    assertThat(r.lignes()).extracting(FraisThr.Ligne::commune, FraisThr.Ligne::nombre, FraisThr.Ligne::date,
        FraisThr.Ligne::montant).containsExactly(
            tuple("Lyon", 2, LocalDate.of(2026, 12, 30), new BigDecimal("180.00")),
            tuple("Lyon", 1, CHANGEMENT, new BigDecimal("120.00")),
            tuple("Orléans", 2, LocalDate.of(2027, 1, 2), new BigDecimal("180.00")));
    assertThat(r.montantNuitees()).isEqualTo("480.00");
  }

  @Test
  void rienADeclarerDonneZero() {
    FraisThr.Resultat r = FraisThr.calculer(0, SEJOUR, List.of(), ReferentielCommunesDeTest.livre(), BAREME);

    assertThat(r.total()).isEqualTo("0.00");
    assertThat(r.lignes()).isEmpty();
  }
}
