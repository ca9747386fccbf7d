package fr.elus.dife.securite;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups, tenants, grants and filters are put in place by every node as it starts.
 * Nodes started together on one database read the same state and write the same rows:
 * one of them gets an optimistic-locking failure or a duplicate key. Each step of the
 * set-up reads before it writes, so doing it again finds the other node's rows and
 * writes nothing; a real error comes back every time and stops the start.
 */
final class MiseEnPlaceEntreNoeuds {

  private static final Logger LOG = LoggerFactory.getLogger(MiseEnPlaceEntreNoeuds.class);
  private static final int ESSAIS = 5;

  private MiseEnPlaceEntreNoeuds() {
  }

  static void faire(String quoi, Runnable miseEnPlace) {
    for (int essai = 1; ; essai++) {
      try {
        miseEnPlace.run();
        return;
      } catch (ProcessEngineException concurrente) {
        if (essai == ESSAIS) {
          throw concurrente;
        }
        LOG.warn("{} : écriture concurrente, sans doute un autre nœud qui démarre ({}) ; essai {} sur {}", quoi,
            concurrente.getMessage(), essai + 1, ESSAIS);
        try {
          Thread.sleep(100L * essai);
        } catch (InterruptedException interrompu) {
          Thread.currentThread().interrupt();
          throw concurrente;
        }
      }
    }
  }
}
