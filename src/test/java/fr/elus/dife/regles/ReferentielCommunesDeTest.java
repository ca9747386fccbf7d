package fr.elus.dife.regles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped list of communes, read as the application reads it. */
public final class ReferentielCommunesDeTest {

  private ReferentielCommunesDeTest() {
  }

  public static ReferentielCommunes livre() {
    try (InputStream csv = ReferentielCommunesDeTest.class.getClassLoader()
        .getResourceAsStream(ReglesConfiguration.REFERENTIEL_COMMUNES)) {
      return ReferentielCommunes.lire(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
