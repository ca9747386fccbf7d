package fr.elus.dife.api;

/** Answered 404; also used for what belongs to another association, so as to reveal nothing. */
public class RessourceIntrouvableException extends RuntimeException {

  public RessourceIntrouvableException(String message) {
    super(message);
  }
}
