package fr.elus.dife;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * The project's indexes on the engine's own tables (db/moteur), by Flyway with a
 * history table of their own. Spring Boot's Flyway (db/migration) runs before the
 * engine creates its tables, and the engine's plugins need the project's tables, so
 * these migrations run here, once the engine has created or updated its schema and
 * before any command runs. Each node may run them: Flyway locks its history table.
 * Indexes of issue 13 on the project's own tables live here too: db/migration has
 * already applied later versions (V15_*), and Flyway refuses an earlier one there.
 */
@Component
public class IndexDuMoteur extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  public IndexDuMoteur(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // db/moteur-postgresql: what only PostgreSQL has (partial indexes); the engine has
    // already read the database's kind from its connection
    boolean postgres = "postgres".equals(
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDatabaseType());
    String[] emplacements = postgres ? new String[] {"classpath:db/moteur", "classpath:db/moteur-postgresql"}
        : new String[] {"classpath:db/moteur"};
    Flyway.configure().dataSource(dataSource).locations(emplacements).table("flyway_index_moteur")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}
