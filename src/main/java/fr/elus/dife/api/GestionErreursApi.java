package fr.elus.dife.api;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals into the French JSON answers of docs/CONTRACT.md. */
@RestControllerAdvice(basePackages = "fr.elus.dife")
public class GestionErreursApi {

  private static final Logger LOG = LoggerFactory.getLogger(GestionErreursApi.class);

  @ExceptionHandler(RequeteInvalideException.class)
  ResponseEntity<Map<String, List<ErreurChamp>>> requeteInvalide(RequeteInvalideException e) {
    return ResponseEntity.badRequest().body(Map.of("erreurs", e.erreurs()));
  }

  // the body is not JSON at all; Jackson's message may quote the body, so it is not echoed
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<ErreurChamp>>> corpsIllisible(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("erreurs",
        List.of(new ErreurChamp("corps", "Le corps de la requête n'est pas un document JSON valide."))));
  }

  @ExceptionHandler(RessourceIntrouvableException.class)
  ResponseEntity<Map<String, String>> introuvable(RessourceIntrouvableException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(ConflitException.class)
  ResponseEntity<Map<String, String>> conflit(ConflitException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
  }

  // two writes to one dossier at once (an abandon racing a job, two users on one task):
  // the engine rolled the later one back whole
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, String>> ecrituresConcurrentes(OptimisticLockingException e) {
    LOG.info("Écriture concurrente refusée : {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", "Le dossier vient d'être modifié par "
        + "une autre opération : rien n'a été enregistré. Consultez-le puis réessayez."));
  }

  @ExceptionHandler(InterditException.class)
  ResponseEntity<Map<String, String>> interdit(InterditException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, String>> nonAutorise(AuthorizationException e) {
    LOG.info("Accès refusé à {} : {}", e.getUserId(), e.getMessage());
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("message", "Votre profil ne permet pas cette action."));
  }
}
