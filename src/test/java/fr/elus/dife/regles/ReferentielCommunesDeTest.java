package fr.elus.dife.regles;

/** The shipped list of communes, read as the application reads it. */
public final class ReferentielCommunesDeTest {

  private ReferentielCommunesDeTest() {
  }

  public static ReferentielCommunes livre() {
    return ReferentielCommunes.officiel();
  }
}
