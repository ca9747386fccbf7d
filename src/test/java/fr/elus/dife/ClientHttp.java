package fr.elus.dife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Talks to the running application over real HTTP, as another system would. */
public class ClientHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
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

  private Reponse envoyer(String utilisateur, String motDePasse, HttpRequest.Builder requete) {
    if (utilisateur != null) {
      String identifiants = utilisateur + ":" + motDePasse;
      requete.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(identifiants.getBytes(StandardCharsets.UTF_8)));
    }
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
