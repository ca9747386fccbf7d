package fr.elus.dife.regles;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The DIFE is credited 400 € a year and capped at 800 € (arrêté of 27 March 2023); a
 * collectivity may add a dotation, so more is a warning for the conseiller, never a refusal.
 */
public final class PlafondDife {

  public static final BigDecimal PLAFOND = new BigDecimal("800.00");

  private PlafondDife() {
  }

  /** source: how the amount came, e.g. "déclarés" or "lus sur Mon Compte Formation". */
  public static Optional<String> avertissement(BigDecimal droits, String source) {
    if (droits == null || droits.compareTo(PLAFOND) <= 0) {
      return Optional.empty();
    }
    return Optional.of("Les droits DIFE " + source + " (" + droits.toPlainString() + " €) dépassent le plafond de "
        + "800 € : vérifiez le montant sur Mon Compte Formation (une dotation de la collectivité est possible).");
  }
}
