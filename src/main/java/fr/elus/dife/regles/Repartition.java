package fr.elus.dife.regles;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R7, who pays the training: the DIFE first; the rest by the élu and/or the
 * collectivity, whose share is at most 75 % of the cost and at most the rest.
 * Amounts in euros with 2 decimals.
 */
public record Repartition(BigDecimal priseEnChargeDife, BigDecimal contributionCollectivite,
    BigDecimal plafondCollectivite, BigDecimal resteAChargeElu, boolean contributionPlafonnee) {

  public static final BigDecimal PART_MAX_COLLECTIVITE = new BigDecimal("0.75");

  public static Repartition calculer(BigDecimal coutFormation, BigDecimal droitsDife,
      BigDecimal contributionCollectiviteDemandee) {
    BigDecimal cout = Montant.verifier(coutFormation);
    BigDecimal priseEnCharge = Montant.verifier(droitsDife).min(cout);
    BigDecimal reste = cout.subtract(priseEnCharge);
    // rounded down: rounding up could go past 75 % by a fraction of a cent
    BigDecimal plafond = cout.multiply(PART_MAX_COLLECTIVITE).setScale(2, RoundingMode.DOWN).min(reste);
    BigDecimal demandee = Montant.verifier(contributionCollectiviteDemandee);
    BigDecimal contribution = demandee.min(plafond);
    return new Repartition(priseEnCharge, contribution, plafond, reste.subtract(contribution),
        demandee.compareTo(plafond) > 0);
  }

  public boolean difeCouvreTout() {
    return resteAChargeElu.signum() == 0 && contributionCollectivite.signum() == 0;
  }

}
