package fr.elus.dife.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The emails sent and failed, counted by their sending jobs once these commit (a
 * send undone by a crash is counted by its retry). The engine runs its first jobs
 * before the registry binds these counters: nothing is counted in between, which is
 * only the start-up.
 */
@Component
public class CompteursCourriels implements MeterBinder {

  private volatile Counter envoyes;
  private volatile Counter echecs;

  @Override
  public void bindTo(MeterRegistry registre) {
    envoyes = compteur(registre, "envoye");
    echecs = compteur(registre, "echec");
  }

  public void envoye() {
    if (envoyes != null) {
      envoyes.increment();
    }
  }

  public void echoue() {
    if (echecs != null) {
      echecs.increment();
    }
  }

  private static Counter compteur(MeterRegistry registre, String issue) {
    return Counter.builder("dife.courriels").tag("issue", issue)
        .description("Envois de courriels du parcours réussis ou en échec").register(registre);
  }
}
