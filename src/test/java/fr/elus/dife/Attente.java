package fr.elus.dife;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.TaskService;

/** Waits for the job executor of the running application, without fixed sleeps. */
public final class Attente {

  private Attente() {
  }

  /** The id of the dossier's task of this definition, once the engine has created it. */
  public static String tache(TaskService taskService, String reference, String definition) {
    jusqua("la tâche " + definition, () -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(definition).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definition)
        .singleResult().getId();
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
