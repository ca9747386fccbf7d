package fr.elus.dife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Talks to the running application over real HTTP, as another system would. */
public class ClientHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Who is logged into the webapps: the login page's first call, and the login's own path. */
  private static final String UTILISATEUR_DES_WEBAPPS = "/camunda/api/admin/auth/user/default";
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public ClientHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Reponse(int statut, JsonNode corps, HttpResponse<String> brute) {
    public String entete(String nom) {
      return brute.headers().firstValue(nom).orElse(null);
    }
  }

  public Reponse get(String utilisateur, String chemin) {
    return envoyer(utilisateur, "demo", HttpRequest.newBuilder(URI.create(base + chemin)).GET());
  }

  public Reponse post(String utilisateur, String chemin, Object corps) {
    return post(utilisateur, "demo", chemin, corps);
  }

  public Reponse post(String utilisateur, String motDePasse, String chemin, Object corps) {
    try {
      String texte = corps instanceof String s ? s : JSON.writeValueAsString(corps);
      return envoyer(utilisateur, motDePasse, HttpRequest.newBuilder(URI.create(base + chemin))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(texte, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Any method, with a JSON body when corps is not null, and extra headers. */
  public Reponse requete(String utilisateur, String methode, String chemin, Object corps, String... entetes) {
    try {
      HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(base + chemin));
      if (entetes.length > 0) {
        requete.headers(entetes);
      }
      if (corps == null) {
        requete.method(methode, HttpRequest.BodyPublishers.noBody());
      } else {
        String texte = corps instanceof String s ? s : JSON.writeValueAsString(corps);
        if (!List.of(entetes).contains("Content-Type")) {
          requete.header("Content-Type", "application/json");
        }
        requete.method(methode, HttpRequest.BodyPublishers.ofString(texte, StandardCharsets.UTF_8));
      }
      return envoyer(utilisateur, "demo", requete);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Reponse getAvecMotDePasse(String utilisateur, String motDePasse, String chemin, String... entetes) {
    HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(base + chemin)).GET();
    if (entetes.length > 0) {
      requete.headers(entetes);
    }
    return envoyer(utilisateur, motDePasse, requete);
  }

  /**
   * Logs the user into one of the webapps (tasklist, cockpit, admin) as its login page
   * does; the session then calls the engine as that webapp's pages do, by cookie and
   * CSRF token, without a password per request.
   */
  public Session connecter(String utilisateur, String application) {
    Session session = session();
    Reponse connexion = session.connexion(application, utilisateur, "demo");
    if (connexion.statut() != 200) {
      throw new IllegalStateException(
          "Connexion de " + utilisateur + " à " + application + " : " + connexion.statut());
    }
    return session;
  }

  /**
   * A browser on the webapps' login page, not logged in yet: its first call gave it the
   * CSRF cookie that the login must send back. entetes go with each of its requests.
   */
  public Session session(String... entetes) {
    CookieManager cookies = new CookieManager();
    Session session = new Session(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, entetes);
    session.requete("GET", UTILISATEUR_DES_WEBAPPS, null);
    return session;
  }

  /** A webapp session: its requests carry the session's cookie and, unless said otherwise, its CSRF token. */
  public final class Session {
    private final HttpClient clientDeSession;
    private final CookieManager cookies;
    private final String[] entetesDeSession;

    private Session(HttpClient clientDeSession, CookieManager cookies, String[] entetesDeSession) {
      this.clientDeSession = clientDeSession;
      this.cookies = cookies;
      this.entetesDeSession = entetesDeSession;
    }

    /**
     * The login form of one webapp, answered as it is (200, 401, 429…). A login opens a
     * new server session, whose token the pages' next call brings: so does this one.
     */
    public Reponse connexion(String application, String utilisateur, String motDePasse) {
      String formulaire = "username=" + URLEncoder.encode(utilisateur, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(motDePasse, StandardCharsets.UTF_8);
      Reponse connexion = requete("POST", UTILISATEUR_DES_WEBAPPS + "/login/" + application, formulaire,
          "Content-Type", "application/x-www-form-urlencoded");
      if (connexion.statut() == 200) {
        requete("GET", UTILISATEUR_DES_WEBAPPS, null);
      }
      return connexion;
    }

    /** A JSON request to the webapps' engine API (/camunda/api/engine/engine/default + chemin). */
    public Reponse moteur(String methode, String chemin, Object corps, String... entetes) {
      try {
        String texte = corps == null ? null : JSON.writeValueAsString(corps);
        String[] tous = new String[entetes.length + 2];
        System.arraycopy(entetes, 0, tous, 0, entetes.length);
        tous[entetes.length] = "Content-Type";
        tous[entetes.length + 1] = "application/json";
        return requete(methode, "/camunda/api/engine/engine/default" + chemin, texte,
            texte == null ? entetes : tous);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Any request as the webapps' pages send it (chemin from the server's root), with the CSRF token. */
    public Reponse requete(String methode, String chemin, String corps, String... entetes) {
      return envoyer(true, methode, chemin, corps, entetes);
    }

    /** The same without the CSRF token: what another site's page makes the browser send. */
    public Reponse sansJeton(String methode, String chemin, String corps, String... entetes) {
      return envoyer(false, methode, chemin, corps, entetes);
    }

    private String jeton() {
      return cookies.getCookieStore().get(URI.create(base + "/camunda/")).stream()
          .filter(k -> k.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
    }

    private Reponse envoyer(boolean avecJeton, String methode, String chemin, String corps, String... entetes) {
      HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(base + chemin)).method(methode,
          corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps,
              StandardCharsets.UTF_8));
      if (avecJeton) {
        requete.header("X-XSRF-TOKEN", jeton());
      }
      if (entetesDeSession.length > 0) {
        requete.headers(entetesDeSession);
      }
      if (entetes.length > 0) {
        requete.headers(entetes);
      }
      return ClientHttp.envoyer(clientDeSession, requete);
    }
  }

  private Reponse envoyer(String utilisateur, String motDePasse, HttpRequest.Builder requete) {
    if (utilisateur != null) {
      String identifiants = utilisateur + ":" + motDePasse;
      requete.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(identifiants.getBytes(StandardCharsets.UTF_8)));
    }
    return envoyer(client, requete);
  }

  private static Reponse envoyer(HttpClient client, HttpRequest.Builder requete) {
    try {
      HttpResponse<String> reponse = client.send(requete.build(), HttpResponse.BodyHandlers.ofString());
      boolean json = reponse.headers().firstValue("Content-Type").orElse("").contains("json");
      JsonNode corps = json && !reponse.body().isBlank() ? JSON.readTree(reponse.body()) : null;
      return new Reponse(reponse.statusCode(), corps, reponse);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
