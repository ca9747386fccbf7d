package fr.elus.dife.indicateurs;

import fr.elus.dife.parcours.StatutDossier;
import fr.elus.dife.securite.AssociationsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The operators' gauges: open dossiers by status and association, deadlines
 * overdue, open incidents, executable jobs waiting. A scrape reads one snapshot,
 * computed by four grouped queries at most every few seconds, whatever the number
 * of gauges or of scrapers.
 */
@Component
public class MetriquesDossiers implements MeterBinder {

  private static final Duration FRAICHEUR = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final AssociationsProperties associations;
  private volatile Releve releve;

  public MetriquesDossiers(JdbcTemplate jdbc, RuntimeService runtimeService, ManagementService managementService,
      AssociationsProperties associations) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.associations = associations;
  }

  private record Releve(Instant le, Map<String, Long> ouverts, Map<String, Long> depasses, long incidents, long jobs) {
  }

  @Override
  public void bindTo(MeterRegistry registre) {
    for (String association : associations.identifiants()) {
      Arrays.stream(StatutDossier.values()).filter(s -> !Etapes.estClos(s.name())).forEach(statut ->
          jauge(registre, "dife.dossiers.ouverts", "Dossiers en cours par statut",
              r -> r.ouverts().getOrDefault(association + "/" + statut.name(), 0L))
              .tag("association", association).tag("statut", statut.name()).register(registre));
      Arrays.stream(Delai.values()).forEach(delai ->
          jauge(registre, "dife.delais.depasses", "Délais dépassés de dossiers toujours en attente",
              r -> r.depasses().getOrDefault(association + "/" + delai.name(), 0L))
              .tag("association", association).tag("delai", delai.name()).register(registre));
    }
    jauge(registre, "dife.incidents.ouverts", "Incidents ouverts du moteur", Releve::incidents).register(registre);
    jauge(registre, "dife.jobs.executables", "Jobs exécutables en attente (continuations, timers échus)",
        Releve::jobs).register(registre);
  }

  private Gauge.Builder<MetriquesDossiers> jauge(MeterRegistry registre, String nom, String description,
      ToDoubleFunction<Releve> valeur) {
    return Gauge.builder(nom, this, m -> valeur.applyAsDouble(m.releve())).description(description);
  }

  private Releve releve() {
    Releve actuel = releve;
    if (actuel == null || actuel.le().plus(FRAICHEUR).isBefore(Instant.now())) {
      actuel = new Releve(Instant.now(),
          compter("select association, statut, count(*) from dife_etape_dossier where fin is null "
              + "and statut not like 'CLOS_%' group by association, statut"),
          compter("select association, delai, count(*) from dife_delai_dossier where fin is null "
              + "and depasse_le is not null group by association, delai"),
          runtimeService.createIncidentQuery().count(), managementService.createJobQuery().executable().count());
      releve = actuel;
    }
    return actuel;
  }

  private Map<String, Long> compter(String requete) {
    Map<String, Long> nombres = new HashMap<>();
    jdbc.query(requete, rs -> {
      nombres.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
    });
    return nombres;
  }
}
