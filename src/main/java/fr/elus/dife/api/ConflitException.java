package fr.elus.dife.api;

/** Answered 409: the request is well formed but the current state refuses it. */
public class ConflitException extends RuntimeException {

  public ConflitException(String message) {
    super(message);
  }
}
