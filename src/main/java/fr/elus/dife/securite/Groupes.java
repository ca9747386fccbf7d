package fr.elus.dife.securite;

/** The groups of docs/CONTRACT.md. */
public final class Groupes {

  public static final String CONSEILLERS = "conseillers";
  public static final String SUPERVISEURS = "superviseurs";
  public static final String ANALYSTES = "analystes";
  public static final String ADMINISTRATEURS = "camunda-admin";

  private Groupes() {
  }
}
