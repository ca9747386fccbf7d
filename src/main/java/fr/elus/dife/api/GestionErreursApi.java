package fr.elus.dife.api;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refusals into the French JSON answers of docs/CONTRACT.md, Spring's own
 * refusals (method, media type, parameters, unknown path) included. Every answer
 * sets its Content-Type: JSON is written whatever the request's Accept says.
 */
@RestControllerAdvice(basePackages = "fr.elus.dife")
public class GestionErreursApi {

  private static final Logger LOG = LoggerFactory.getLogger(GestionErreursApi.class);

  @ExceptionHandler(RequeteInvalideException.class)
  ResponseEntity<Map<String, List<ErreurChamp>>> requeteInvalide(RequeteInvalideException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("erreurs", e.erreurs()));
  }

  // the body is not JSON at all; Jackson's message may quote the body, so it is not echoed
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<ErreurChamp>>> corpsIllisible(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("erreurs",
        List.of(new ErreurChamp("corps", "Le corps de la requête n'est pas un document JSON valide."))));
  }

  @ExceptionHandler(RessourceIntrouvableException.class)
  ResponseEntity<Map<String, String>> introuvable(RessourceIntrouvableException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(ConflitException.class)
  ResponseEntity<Map<String, String>> conflit(ConflitException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", e.getMessage()));
  }

  // two writes to one dossier at once (an abandon racing a job, two users on one task):
  // the engine rolled the later one back whole
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, String>> ecrituresConcurrentes(OptimisticLockingException e) {
    LOG.info("Écriture concurrente refusée : {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", "Le dossier vient d'être modifié par "
        + "une autre opération : rien n'a été enregistré. Consultez-le puis réessayez."));
  }

  @ExceptionHandler(InterditException.class)
  ResponseEntity<Map<String, String>> interdit(InterditException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, String>> nonAutorise(AuthorizationException e) {
    LOG.info("Accès refusé à {} : {}", e.getUserId(), e.getMessage());
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "Votre profil ne permet pas cette action."));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> methode(HttpRequestMethodNotSupportedException e) {
    String permises = e.getSupportedHttpMethods() == null ? ""
        : " (acceptée(s) : " + String.join(", ", e.getSupportedHttpMethods().stream().map(HttpMethod::name).toList()) + ")";
    return message(HttpStatus.METHOD_NOT_ALLOWED, "La méthode " + e.getMethod() + " n'est pas acceptée à cette adresse"
        + permises + ".");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> typeDeCorps(HttpMediaTypeNotSupportedException e) {
    return message(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, String>> typeDeReponse(HttpMediaTypeNotAcceptableException e) {
    return message(HttpStatus.NOT_ACCEPTABLE, "L'API ne répond qu'en JSON (en-tête Accept: application/json).");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, List<ErreurChamp>>> parametreAbsent(MissingServletRequestParameterException e) {
    return champ(e.getParameterName(), "Le paramètre « " + e.getParameterName() + " » est obligatoire.");
  }

  // page=abc, page=99999999999: the parameter is named, its value is not echoed
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, List<ErreurChamp>>> parametreIllisible(MethodArgumentTypeMismatchException e) {
    return champ(e.getName(), "Le paramètre « " + e.getName() + " » n'a pas la forme attendue"
        + (e.getRequiredType() != null && Number.class.isAssignableFrom(boxed(e.getRequiredType()))
            ? " (un nombre entier raisonnable)." : "."));
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<Map<String, String>> adresseInconnue(Exception e) {
    return message(HttpStatus.NOT_FOUND, "Aucune ressource à cette adresse.");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tropGros(MaxUploadSizeExceededException e) {
    return message(HttpStatus.PAYLOAD_TOO_LARGE, "Le corps de la requête est trop volumineux.");
  }

  // never a stack trace nor an English message; the log keeps the cause
  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> inattendue(Exception e) {
    if (BaseOccupee.cause(e)) {
      LOG.warn("Base occupée, requête refusée sans rien écrire : {}", e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, BaseOccupee.SECONDES_AVANT_NOUVEL_ESSAI)
          .contentType(MediaType.APPLICATION_JSON).body(Map.of("message", BaseOccupee.MESSAGE));
    }
    LOG.error("Erreur inattendue sur l'API", e);
    return message(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne : rien n'a été enregistré. "
        + "Réessayez ; si l'erreur persiste, prévenez l'administrateur.");
  }

  private static Class<?> boxed(Class<?> type) {
    return type == int.class ? Integer.class : type == long.class ? Long.class : type;
  }

  private static ResponseEntity<Map<String, String>> message(HttpStatus statut, String message) {
    return ResponseEntity.status(statut).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }

  private static ResponseEntity<Map<String, List<ErreurChamp>>> champ(String champ, String message) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("erreurs", List.of(new ErreurChamp(champ, message))));
  }
}
