package fr.elus.dife.api;

import java.util.List;

/** A request refused before anything was written; answered 400 with every bad field. */
public class RequeteInvalideException extends RuntimeException {

  private final transient List<ErreurChamp> erreurs;

  public RequeteInvalideException(List<ErreurChamp> erreurs) {
    super("Requête invalide : " + erreurs.size() + " champ(s) en erreur");
    this.erreurs = List.copyOf(erreurs);
  }

  public RequeteInvalideException(String champ, String message) {
    this(List.of(new ErreurChamp(champ, message)));
  }

  public List<ErreurChamp> erreurs() {
    return erreurs;
  }
}
