package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import fr.elus.dife.ClientHttp.Reponse;
import fr.elus.dife.DossiersDeTest;
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
    String reference = new ClientHttp(port).post("conseiller45", "/api/dossiers", DossiersDeTest.demande(false))
        .corps().get("reference").asText();
    ClientHttp.Session navigateur = new ClientHttp(port).session();
    assertThat(navigateur.connexion("tasklist", "conseiller45", "demo").statut()).isEqualTo(200);
    String abandon = "/api/dossiers/" + reference + "/abandon";
    String corps = "{\"motif\":\"Test de la protection CSRF\"}";

    Reponse sansJeton = navigateur.sansJeton("POST", abandon, corps, "Content-Type", "application/json");
    assertThat(sansJeton.statut()).isEqualTo(403);
    assertThat(sansJeton.corps().get("message").asText()).contains("X-XSRF-TOKEN");

    Reponse autreSite = navigateur.requete("POST", abandon, corps, "Content-Type", "application/json",
        "Origin", "http://evil.example");
    assertThat(autreSite.statut()).isEqualTo(403);
    assertThat(autreSite.corps().get("message").asText()).contains("autre site");
    assertThat(new ClientHttp(port).get("conseiller45", "/api/dossiers/" + reference).corps().get("statutDossier")
        .asText()).as("rien n'a changé").isNotEqualTo("CLOS_ABANDON");

    Reponse memeSite = navigateur.requete("POST", abandon, corps, "Content-Type", "application/json",
        "Origin", "http://localhost:" + port);
    assertThat(memeSite.statut()).as(memeSite.brute().body()).isEqualTo(202);
  }
}
