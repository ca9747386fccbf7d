package fr.elus.dife.api;

/** Answered 403: the caller is known but its group may not do this. */
public class InterditException extends RuntimeException {

  public InterditException(String message) {
    super(message);
  }
}
