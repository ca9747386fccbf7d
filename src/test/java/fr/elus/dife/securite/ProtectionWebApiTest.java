package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser side of /api: answers never cached nor framed, HSTS over HTTPS, and a
 * state-changing call made with the webapps' session refused without their CSRF
 * token or from another site; the OpenAPI description only for logged-in users.
 */
@ApplicationDemarree
class ProtectionWebApiTest {

  @LocalServerPort
  int port;

  @Test
  void lesReponsesDeLApiNeSontNiMisesEnCacheNiEncadrees() {
    Reponse reponse = new ClientHttp(port).get("conseiller45", "/api/dossiers?taille=1");
    assertThat(reponse.statut()).isEqualTo(200);
    assertThat(reponse.entete("Cache-Control")).isEqualTo("no-store");
    assertThat(reponse.entete("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reponse.entete("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reponse.entete("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(reponse.entete("Strict-Transport-Security")).as("pas en HTTP simple").isNull();
    // behind an HTTPS proxy
    Reponse https = new ClientHttp(port).requete("conseiller45", "GET", "/api/dossiers?taille=1", null,
        "X-Forwarded-Proto", "https");
    assertThat(https.entete("Strict-Transport-Security")).startsWith("max-age=");
  }

  @Test
  void laDescriptionOpenApiDemandeUneConnexion() {
    ClientHttp http = new ClientHttp(port);
    assertThat(http.get(null, "/v3/api-docs").statut()).isEqualTo(401);
    assertThat(http.get("conseiller45", "/v3/api-docs").corps().get("paths").has("/api/dossiers")).isTrue();
  }

  @Test
  void laSessionDesWebappsNeSuffitPasSansJetonNiDUnAutreSite() throws Exception {
    String base = "http://localhost:" + port;
    String reference = new ClientHttp(port).post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false))
        .corps().get("reference").asText();
    CookieManager cookies = new CookieManager();
    HttpClient navigateur = HttpClient.newBuilder().cookieHandler(cookies).build();
    navigateur.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(navigateur.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", jeton(cookies, base))
        .POST(HttpRequest.BodyPublishers.ofString("username=conseiller45&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    // the login opens a new session; the pages' next call gives its token
    navigateur.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString());
    String abandon = base + "/api/dossiers/" + reference + "/abandon";
    String corps = "{\"motif\":\"Test de la protection CSRF\"}";

    HttpResponse<String> sansJeton = navigateur.send(HttpRequest.newBuilder(URI.create(abandon))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sansJeton.statusCode()).isEqualTo(403);
    assertThat(new ObjectMapper().readTree(sansJeton.body()).get("message").asText()).contains("X-XSRF-TOKEN");

    HttpResponse<String> autreSite = navigateur.send(HttpRequest.newBuilder(URI.create(abandon))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", jeton(cookies, base))
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(autreSite.statusCode()).isEqualTo(403);
    assertThat(new ObjectMapper().readTree(autreSite.body()).get("message").asText()).contains("autre site");
    assertThat(new ClientHttp(port).get("conseiller45", "/api/dossiers/" + reference).corps().get("statutDossier")
        .asText()).as("rien n'a changé").isNotEqualTo("CLOS_ABANDON");

    HttpResponse<String> memeSite = navigateur.send(HttpRequest.newBuilder(URI.create(abandon))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", jeton(cookies, base))
        .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(memeSite.statusCode()).as(memeSite.body()).isEqualTo(202);
  }

  // the webapps' cookie has the path /camunda, where their pages read it
  private static String jeton(CookieManager cookies, String base) {
    return cookies.getCookieStore().get(URI.create(base + "/camunda")).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }
}
