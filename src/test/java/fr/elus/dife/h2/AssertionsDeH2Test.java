package fr.elus.dife.h2;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * H2 2.3.232 checks, with an assert, that its count of the file's used length matches a
 * recount even when the writing thread does not hold the store's lock; that check is
 * wrong then (h2database#4048, fixed after that release)
 * and, when it fails, H2 closes the database. The tests run with -ea, so the pom switches
 * H2's asserts off; this test fails if that setting is lost, while the project's own
 * asserts stay on.
 */
class AssertionsDeH2Test {

  @Test
  void lesAssertionsDeH2SontCoupeesEtPasLesNotres() throws Exception {
    assertThat(Class.forName("org.h2.mvstore.RandomAccessStore").desiredAssertionStatus())
        .as("les assertions de H2 (dont celle, fausse, de h2database#4048)").isFalse();
    assertThat(MVStore.class.desiredAssertionStatus()).isFalse();
    assertThat(AssertionsDeH2Test.class.desiredAssertionStatus()).as("les assertions du projet").isTrue();
  }
}
