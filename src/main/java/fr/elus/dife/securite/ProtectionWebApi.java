package fr.elus.dife.securite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /api answers carry personal data: never cached, never framed, no referrer, and
 * HSTS when served over HTTPS (dife.web.hsts). A state-changing call that relies on
 * the webapps' session cookie (a browser sends it from any site) must also carry the
 * webapps' CSRF token in X-XSRF-TOKEN and, when the browser says where it comes from,
 * a same-origin Origin; clients using HTTP basic are not concerned.
 */
public class ProtectionWebApi extends OncePerRequestFilter {

  private static final Set<String> SANS_EFFET = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final boolean hsts;

  public ProtectionWebApi(boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
      throws ServletException, IOException {
    reponse.setHeader("Cache-Control", "no-store");
    reponse.setHeader("Pragma", "no-cache");
    reponse.setHeader("X-Content-Type-Options", "nosniff");
    reponse.setHeader("X-Frame-Options", "DENY");
    reponse.setHeader("Referrer-Policy", "no-referrer");
    reponse.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (hsts && requete.isSecure()) {
      reponse.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!SANS_EFFET.contains(requete.getMethod()) && requete.getHeader("Authorization") == null) {
      String refus = refusSession(requete);
      if (refus != null) {
        reponse.setStatus(HttpServletResponse.SC_FORBIDDEN);
        reponse.setContentType("application/json;charset=UTF-8");
        reponse.getOutputStream().write(("{\"message\":\"" + refus + "\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    suite.doFilter(requete, reponse);
  }

  /** Why a call made with the webapps' session is refused, or null. */
  private static String refusSession(HttpServletRequest requete) {
    HttpSession session = requete.getSession(false);
    if (session == null || AuthenticationUtil.getAuthsFromSession(session) == null
        || AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty()) {
      return null;
    }
    Object attendu = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String jeton = requete.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (!(attendu instanceof String a) || jeton == null
        || !MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), jeton.getBytes(StandardCharsets.UTF_8))) {
      return "Jeton de sécurité (X-XSRF-TOKEN) absent ou invalide : rechargez la page et réessayez.";
    }
    String origine = requete.getHeader("Origin");
    if (origine != null && !memeOrigine(origine, requete)) {
      return "Requête venue d'un autre site : refusée.";
    }
    return null;
  }

  private static boolean memeOrigine(String origine, HttpServletRequest requete) {
    try {
      URI uri = URI.create(origine);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      return requete.getScheme().equalsIgnoreCase(uri.getScheme())
          && requete.getServerName().equalsIgnoreCase(uri.getHost()) && requete.getServerPort() == port;
    } catch (IllegalArgumentException illisible) {
      return false;
    }
  }
}
