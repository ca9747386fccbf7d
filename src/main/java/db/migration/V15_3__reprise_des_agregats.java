package db.migration;

import fr.elus.dife.indicateurs.AgregatsSuivi;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Fills the aggregates of V15_2 from the detail rows already kept: Paris days are computed in Java, alike in H2 and PostgreSQL. */
public class V15_3__reprise_des_agregats extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    new AgregatsSuivi(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true))).reprendre();
  }
}
