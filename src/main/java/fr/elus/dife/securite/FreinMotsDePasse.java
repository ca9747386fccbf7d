package fr.elus.dife.securite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords slow down the client that sends them, by address, and never the
 * account for everyone: past {@code essais-libres} failures, an address must wait
 * 1 s, then 2, 4… up to {@code blocage-max} before its next password is even
 * checked (429). The engine's own delay and lockout per user are off (see
 * application.yaml): an outsider knowing a user name could otherwise keep the real
 * user out. Applies to HTTP basic on /api and /engine-rest and to the webapps' login.
 * Behind a reverse proxy, server.forward-headers-strategy makes the address the client's.
 */
public class FreinMotsDePasse extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FreinMotsDePasse.class);
  private static final int ADRESSES_SUIVIES_MAX = 10_000;
  private static final Duration OUBLI = Duration.ofMinutes(15);

  private final int essaisLibres;
  private final Duration blocageMax;
  private final Map<String, Echecs> parAdresse = new ConcurrentHashMap<>();

  private record Echecs(int nombre, long dernier, long bloqueJusqua) {
  }

  public FreinMotsDePasse(@Value("${dife.connexion.essais-libres:5}") int essaisLibres,
      @Value("${dife.connexion.blocage-max:PT60S}") Duration blocageMax) {
    this.essaisLibres = essaisLibres;
    this.blocageMax = blocageMax;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
      throws ServletException, IOException {
    boolean connexionWebapp = requete.getRequestURI().contains("/login/");
    if (!connexionWebapp && requete.getHeader("Authorization") == null) {
      suite.doFilter(requete, reponse);
      return;
    }
    String adresse = requete.getRemoteAddr();
    long maintenant = System.currentTimeMillis();
    Echecs echecs = parAdresse.get(adresse);
    if (echecs != null && echecs.bloqueJusqua() > maintenant) {
      long secondes = Math.max(1, (echecs.bloqueJusqua() - maintenant + 999) / 1000);
      reponse.setStatus(429);
      reponse.setHeader("Retry-After", String.valueOf(secondes));
      reponse.setContentType("application/json;charset=UTF-8");
      reponse.getOutputStream().write(("{\"message\":\"Trop de mots de passe erronés depuis votre adresse : "
          + "réessayez dans " + secondes + " s.\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    suite.doFilter(requete, reponse);
    int statut = reponse.getStatus();
    if (statut == HttpServletResponse.SC_UNAUTHORIZED || connexionWebapp && statut == HttpServletResponse.SC_FORBIDDEN) {
      echouer(adresse, echecs, maintenant);
    } else if (echecs != null && statut < 400) {
      parAdresse.remove(adresse);
    }
  }

  private void echouer(String adresse, Echecs precedents, long maintenant) {
    if (parAdresse.size() > ADRESSES_SUIVIES_MAX) {
      parAdresse.values().removeIf(e -> e.dernier() < maintenant - OUBLI.toMillis());
    }
    int nombre = precedents == null || precedents.dernier() < maintenant - OUBLI.toMillis() ? 1 : precedents.nombre() + 1;
    long blocage = 0;
    if (nombre > essaisLibres) {
      blocage = Math.min(blocageMax.toMillis(), 1000L << Math.min(20, nombre - essaisLibres - 1));
      LOG.warn("{} mots de passe erronés depuis {} : prochain essai dans {} ms", nombre, adresse, blocage);
    }
    parAdresse.put(adresse, new Echecs(nombre, maintenant, maintenant + blocage));
  }
}
