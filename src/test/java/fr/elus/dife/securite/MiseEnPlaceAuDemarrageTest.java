package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every node puts groups, tenants, grants and filters in place as it starts. On an
 * installed base it writes nothing, so nodes started together do not fight over the
 * rows (PlusieursNoeudsIT's node A once died of it); when there is something to
 * write, two set-ups at once both end well.
 */
@ApplicationDemarree
class MiseEnPlaceAuDemarrageTest {

  private static final String LIGNES = "select 'a' || ID_ || ':' || REV_ from ACT_RU_AUTHORIZATION"
      + " union all select 'f' || ID_ || ':' || REV_ from ACT_RU_FILTER"
      + " union all select 'g' || ID_ || ':' || REV_ from ACT_ID_GROUP"
      + " union all select 't' || ID_ || ':' || REV_ from ACT_ID_TENANT order by 1";

  @Autowired
  ReferentielAcces referentielAcces;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void unDemarrageSurUneBaseInstalleeNEcritRien() {
    List<String> avant = jdbc.queryForList(LIGNES, String.class);

    referentielAcces.mettreEnPlace();

    assertThat(jdbc.queryForList(LIGNES, String.class)).isEqualTo(avant);
  }

  @Test
  void deuxMisesEnPlaceSimultaneesReussissentEtRemettentLeDroitRetire() throws Exception {
    ExecutorService noeuds = Executors.newFixedThreadPool(2);
    try {
      for (int tour = 0; tour < 5; tour++) {
        Authorization acces = accesTasklistDesConseillers();
        acces.setPermissions(new Permissions[] {Permissions.NONE});
        authorizationService.saveAuthorization(acces);
        CyclicBarrier ensemble = new CyclicBarrier(2);
        List<Future<?>> miseEnPlace = new ArrayList<>();
        for (int noeud = 0; noeud < 2; noeud++) {
          miseEnPlace.add(noeuds.submit(() -> {
            ensemble.await();
            referentielAcces.mettreEnPlace();
            return null;
          }));
        }
        for (Future<?> fin : miseEnPlace) {
          fin.get();
        }
        assertThat(accesTasklistDesConseillers().isPermissionGranted(Permissions.ACCESS)).as("tour %d", tour).isTrue();
      }
    } finally {
      noeuds.shutdownNow();
      // the suite's other classes share this database: never leave it without the conseillers' access
      referentielAcces.mettreEnPlace();
    }
  }

  private Authorization accesTasklistDesConseillers() {
    return authorizationService.createAuthorizationQuery().groupIdIn(Groupes.CONSEILLERS)
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
  }
}
