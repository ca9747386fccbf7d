package fr.elus.dife.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors found before any controller of the project is chosen (unknown path, method
 * or media type refused by Spring's routing, a path Tomcat cannot decode): the same
 * French JSON as the API's own refusals, whatever the Accept header, instead of
 * Spring's English body or Tomcat's HTML page.
 */
@RestController
public class PageErreur implements ErrorController {

  private static final Map<Integer, String> MESSAGES = Map.of(
      400, "Requête mal formée (adresse, paramètres ou corps illisibles).",
      401, "Identifiants absents ou invalides.",
      403, "Votre profil ne permet pas cette action.",
      404, "Aucune ressource à cette adresse.",
      405, "Cette méthode n'est pas acceptée à cette adresse.",
      406, "L'API ne répond qu'en JSON (en-tête Accept: application/json).",
      413, "Le corps de la requête est trop volumineux.",
      415, "Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).");

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public ResponseEntity<Object> erreur(HttpServletRequest requete) {
    Object code = requete.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int statut = code instanceof Integer c ? c : 500;
    return ResponseEntity.status(statut).contentType(MediaType.APPLICATION_JSON).body(corps(statut));
  }

  /** The project's error body for this status: {"erreurs": […]} for 400, {"message": …} otherwise. */
  public static Object corps(int statut) {
    if (statut == HttpStatus.BAD_REQUEST.value()) {
      return Map.of("erreurs", List.of(new ErreurChamp("requete", MESSAGES.get(400))));
    }
    return Map.of("message", MESSAGES.getOrDefault(statut, statut >= 500
        ? "Erreur interne : rien n'a été enregistré. Réessayez ; si l'erreur persiste, prévenez l'administrateur."
        : "Requête refusée."));
  }
}
