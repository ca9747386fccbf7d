package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepartitionTest {

  @ParameterizedTest(name = "coût {0}, DIFE {1}, demandé {2} → DIFE {3}, collectivité {4} (plafond {5}), élu {6}")
  @CsvSource({
      // DIFE covers everything: nothing for the élu, nothing to ask
      "700.00, 800.00, 0.00,    700.00, 0.00,   0.00,   0.00",
      "700.00, 700.00, 300.00,  700.00, 0.00,   0.00,   0.00",
      // rest shared within the cap
      "1200.00, 700.00, 400.00, 700.00, 400.00, 500.00, 100.00",
      // collectivity asked for more than the rest: capped at the rest
      "1200.00, 700.00, 900.00, 700.00, 500.00, 500.00, 0.00",
      // no DIFE: capped at 75 % of the cost
      "1000.00, 0.00, 1000.00,  0.00,   750.00, 750.00, 250.00",
      "2000.00, 400.00, 1600.00, 400.00, 1500.00, 1500.00, 100.00",
      // 75 % of a cost with cents: rounded down, never above 75 %
      "0.01, 0.00, 1.00,        0.00,   0.00,   0.00,   0.01",
      "999.99, 0.00, 999.99,    0.00,   749.99, 749.99, 250.00",
      "1234.57, 100.00, 0.00,   100.00, 0.00,   925.92, 1134.57"})
  void repartition(String cout, String droits, String demandee, String dife, String collectivite, String plafond,
      String elu) {
    Repartition r = Repartition.calculer(new BigDecimal(cout), new BigDecimal(droits), new BigDecimal(demandee));

    assertThat(r.priseEnChargeDife()).isEqualTo(new BigDecimal(dife));
    assertThat(r.contributionCollectivite()).isEqualTo(new BigDecimal(collectivite));
    assertThat(r.plafondCollectivite()).isEqualTo(new BigDecimal(plafond));
    assertThat(r.resteAChargeElu()).isEqualTo(new BigDecimal(elu));
    assertThat(r.priseEnChargeDife().add(r.contributionCollectivite()).add(r.resteAChargeElu()))
        .isEqualTo(new BigDecimal(cout));
  }

  @Test
  void laContributionPlafonneeEstSignalee() {
    assertThat(Repartition.calculer(new BigDecimal("1000"), BigDecimal.ZERO, new BigDecimal("800")).contributionPlafonnee())
        .isTrue();
    assertThat(Repartition.calculer(new BigDecimal("1000"), BigDecimal.ZERO, new BigDecimal("750")).contributionPlafonnee())
        .isFalse();
  }

  @Test
  void leDifeCouvreToutQuandRienNeResteAPayer() {
    assertThat(Repartition.calculer(new BigDecimal("500"), new BigDecimal("700"), BigDecimal.ZERO).difeCouvreTout()).isTrue();
    assertThat(Repartition.calculer(new BigDecimal("900"), new BigDecimal("700"), BigDecimal.ZERO).difeCouvreTout()).isFalse();
  }

  @Test
  void unMontantNegatifOuAuCentiemeDeCentimeEstRefuse() {
    assertThatThrownBy(() -> Repartition.calculer(new BigDecimal("-1"), BigDecimal.ZERO, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Repartition.calculer(new BigDecimal("10.001"), BigDecimal.ZERO, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
