package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.elus.dife.ApplicationDemarree;
import fr.elus.dife.ClientHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.IdentityService;

/**
 * An outsider who knows a user name sends wrong passwords without pause: its own
 * address is slowed down (429 without any password check), while the real user,
 * from its own address, logs in at once each time, over HTTP basic and in the webapps.
 */
@ApplicationDemarree
class FreinMotsDePasseTest {

  private static final Logger LOG = LoggerFactory.getLogger(FreinMotsDePasseTest.class);
  private static final String INTRUS = "203.0.113.7";
  private static final String VRAI_UTILISATEUR = "198.51.100.2";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> basic(String adresse, String motDePasse) throws Exception {
    String identifiants = Base64.getEncoder().encodeToString(("conseiller45:" + motDePasse)
        .getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers?taille=1"))
        .header("Authorization", "Basic " + identifiants).header("X-Forwarded-For", adresse).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** As the login page does, from that address. */
  private int connexionTasklist(String adresse, String motDePasse) {
    return new ClientHttp(port).session("X-Forwarded-For", adresse).connexion("tasklist", "conseiller45", motDePasse)
        .statut();
  }

  @Test
  void lIntrusEstFreineEtLeVraiUtilisateurEntreToujours() throws Exception {
    Map<Integer, Integer> statutsIntrus = new TreeMap<>();
    List<Long> dureesVraiUtilisateur = new ArrayList<>();
    HttpResponse<String> dernierRefus = null;
    long debut = System.nanoTime();
    int essais = 0;
    while (System.nanoTime() - debut < 8_000_000_000L) {
      HttpResponse<String> intrus = basic(INTRUS, "mauvais-" + essais);
      statutsIntrus.merge(intrus.statusCode(), 1, Integer::sum);
      if (intrus.statusCode() == 429) {
        dernierRefus = intrus;
      }
      if (essais % 2 == 0) {
        statutsIntrus.merge(connexionTasklist(INTRUS, "mauvais") + 1000, 1, Integer::sum);
      }
      if (essais % 5 == 0) {
        long t = System.nanoTime();
        assertThat(basic(VRAI_UTILISATEUR, "demo").statusCode()).isEqualTo(200);
        assertThat(connexionTasklist(VRAI_UTILISATEUR, "demo")).isEqualTo(200);
        dureesVraiUtilisateur.add((System.nanoTime() - t) / 1_000_000);
      }
      essais++;
      Thread.sleep(50);
    }
    long pire = dureesVraiUtilisateur.stream().mapToLong(Long::longValue).max().orElseThrow();
    LOG.info("Frein des mots de passe : {} essais de l'intrus en 8 s, statuts {} (1xxx : connexion Tasklist) ; "
        + "vrai utilisateur {} connexions, la plus lente {} ms", essais, statutsIntrus, dureesVraiUtilisateur.size(), pire);

    // the outsider's passwords were checked only a handful of times: 5 free, then once per 1, 2, 4 s
    int verifies = statutsIntrus.getOrDefault(401, 0) + statutsIntrus.getOrDefault(1401, 0);
    assertThat(verifies).isBetween(5, 10);
    assertThat(statutsIntrus.get(429)).isGreaterThan(essais / 2);
    assertThat(dernierRefus.headers().firstValue("Retry-After")).isPresent();
    assertThat(new ObjectMapper().readTree(dernierRefus.body()).get("message").asText())
        .startsWith("Trop de mots de passe erronés depuis votre adresse");
    // the real user was never refused nor delayed, and the account is not locked
    assertThat(pire).isLessThan(2_000);
    assertThat(identityService.createUserQuery().userId("conseiller45").singleResult()).isNotNull();
    assertThat(identityService.checkPassword("conseiller45", "demo")).isTrue();
  }
}
