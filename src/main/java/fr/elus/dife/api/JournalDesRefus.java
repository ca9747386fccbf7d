package fr.elus.dife.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A form's values refused by its listener (400) and an event the dossier does not
 * wait for (409) are answers to the caller, yet the engine logs them at ERROR with
 * their stack trace (ENGINE-16004, "Exception while closing command context") and its
 * REST API at WARN (ENGINE-REST-HTTP500, before GardeMoteurRest turns the answer into
 * a 400): operators would chase user input. Those two entries are replaced by one
 * INFO line with the refusal's message; every other engine error is logged as before.
 */
@Component
public class JournalDesRefus extends TurboFilter {

  private static final String CONTEXTE_DU_MOTEUR = "org.camunda.bpm.engine.context";
  private static final String EXCEPTIONS_REST = "org.camunda.bpm.engine.rest.exception";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(JournalDesRefus.class);

  public JournalDesRefus() {
    setName(JournalDesRefus.class.getName());
    LoggerContext contexte = (LoggerContext) LoggerFactory.getILoggerFactory();
    // a second application context in the same JVM (tests) finds it already there
    if (contexte.getTurboFilterList().stream().noneMatch(f -> getName().equals(f.getName()))) {
      contexte.addTurboFilter(this);
      start();
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !level.isGreaterOrEqual(Level.WARN)
        || !(CONTEXTE_DU_MOTEUR.equals(logger.getName()) || EXCEPTIONS_REST.equals(logger.getName()))) {
      return FilterReply.NEUTRAL;
    }
    // the engine's loggers pass the exception as the last parameter, not as slf4j's throwable
    Throwable exception = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable dernier ? dernier : null;
    Throwable refus = refus(exception);
    if (refus != null) {
      if (CONTEXTE_DU_MOTEUR.equals(logger.getName())) {
        LOG.info("Refus renvoyé à l'appelant : {}", refus.getMessage());
      }
      return FilterReply.DENY;
    }
    // the REST API writes the stack trace into the message itself, causes included
    return EXCEPTIONS_REST.equals(logger.getName()) && refusDansLeTexte(format, params) ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }

  private static boolean refusDansLeTexte(String format, Object[] params) {
    StringBuilder texte = new StringBuilder(String.valueOf(format));
    if (params != null) {
      for (Object param : params) {
        texte.append(' ').append(param);
      }
    }
    return texte.indexOf("Caused by: " + NotValidException.class.getName()) >= 0
        || texte.indexOf("Caused by: " + MismatchingMessageCorrelationException.class.getName()) >= 0;
  }

  private static Throwable refus(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof NotValidException || cause instanceof MismatchingMessageCorrelationException) {
        return cause;
      }
    }
    return null;
  }
}
