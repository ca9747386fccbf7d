package fr.elus.dife;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs requests at the same time, to test what must hold under concurrency. */
public final class EnParallele {

  private EnParallele() {
  }

  public static <T> List<T> executer(List<Callable<T>> taches) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(taches.size());
    try {
      List<T> resultats = new ArrayList<>();
      for (Future<T> resultat : pool.invokeAll(taches)) {
        resultats.add(resultat.get());
      }
      return resultats;
    } finally {
      pool.shutdownNow();
    }
  }
}
