package fr.elus.dife.h2;

import java.sql.SQLTransientException;
import java.time.Duration;

/**
 * Held by one thread at a time from its transaction's first write to its end.
 * Re-entrant for the thread that holds it (a second connection of the same thread,
 * such as Flyway's, writes on: a single thread's writes interleave, never overlap),
 * and released by whichever thread ends the transaction.
 */
final class JetonEcriture {

  private final long attenteMax;
  private Thread detenteur;
  private int prises;

  JetonEcriture(Duration attenteMax) {
    this.attenteMax = attenteMax.toNanos();
  }

  synchronized void prendre() throws SQLTransientException {
    Thread moi = Thread.currentThread();
    long limite = System.nanoTime() + attenteMax;
    while (detenteur != null && detenteur != moi) {
      long reste = limite - System.nanoTime();
      if (reste <= 0) {
        throw new SQLTransientException("Base H2 : une autre transaction écrit depuis plus de "
            + Duration.ofNanos(attenteMax).toSeconds() + " s", "HYT00");
      }
      try {
        wait(Math.max(1, reste / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLTransientException("Base H2 : attente d'écriture interrompue", "HYT00", e);
      }
    }
    detenteur = moi;
    prises++;
  }

  synchronized void rendre() {
    if (--prises == 0) {
      detenteur = null;
      notifyAll();
    }
  }
}
