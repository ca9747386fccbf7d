package fr.elus.dife;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for the job executor of the running application, without fixed sleeps. */
public final class Attente {

  private Attente() {
  }

  public static void jusqua(String quoi, BooleanSupplier condition) {
    jusqua(quoi, Duration.ofSeconds(20), condition);
  }

  public static void jusqua(String quoi, Duration delai, BooleanSupplier condition) {
    long limite = System.nanoTime() + delai.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > limite) {
        throw new AssertionError("Délai dépassé en attendant : " + quoi);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
