package fr.elus.dife.securite;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Outside the demo setup, no start with a missing or demo admin password or NIR key. */
class ControleSecretsProductionTest {

  private static final String CLE_REELLE = "une-cle-de-production-suffisamment-longue-0123456789";

  private static StandardEnvironment environnement(Map<String, Object> proprietes, String... profils) {
    StandardEnvironment environnement = new StandardEnvironment();
    environnement.getPropertySources().addFirst(new MapPropertySource("essai", proprietes));
    environnement.setActiveProfiles(profils);
    return environnement;
  }

  private static void controler(StandardEnvironment environnement) {
    new ControleSecretsProduction().postProcessEnvironment(environnement, new SpringApplication());
  }

  @Test
  void sansMotDePasseAdministrateurLeDemarrageEstRefuseAvecUnMessageClair() {
    assertThatThrownBy(() -> controler(environnement(Map.of("dife.nir.cle-hachage", CLE_REELLE))))
        .hasMessageContaining("Démarrage refusé").hasMessageContaining("DIFE_ADMIN_PASSWORD");
  }

  @Test
  void leMotDePasseDeDemonstrationEstRefuseHorsDemonstration() {
    assertThatThrownBy(() -> controler(environnement(Map.of("camunda.bpm.admin-user.password", "demo",
        "dife.nir.cle-hachage", CLE_REELLE)))).hasMessageContaining("DIFE_ADMIN_PASSWORD");
  }

  @Test
  void uneCleNirAbsenteOuDeDemonstrationEstRefusee() {
    assertThatThrownBy(() -> controler(environnement(Map.of("camunda.bpm.admin-user.password", "S3cret-long"))))
        .hasMessageContaining("DIFE_NIR_CLE");
    assertThatThrownBy(() -> controler(environnement(Map.of("camunda.bpm.admin-user.password", "S3cret-long",
        "dife.nir.cle-hachage", "cle-de-demonstration-uniquement-pas-pour-la-production"))))
        .hasMessageContaining("DIFE_NIR_CLE");
  }

  @Test
  void avecDeVraisSecretsOuEnDemonstrationLeDemarrageContinue() {
    assertThatCode(() -> controler(environnement(Map.of("camunda.bpm.admin-user.password", "S3cret-long",
        "dife.nir.cle-hachage", CLE_REELLE)))).doesNotThrowAnyException();
    assertThatCode(() -> controler(environnement(Map.of(), "demo"))).doesNotThrowAnyException();
  }

  @Test
  void lApplicationEntiereRefuseDeDemarrerSansSecrets() {
    SpringApplication application = new SpringApplication(fr.elus.dife.DifeApplication.class);
    assertThatThrownBy(() -> application.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:refus",
        "--camunda.bpm.admin-user.password=", "--dife.nir.cle-hachage="))
        .hasMessageContaining("Démarrage refusé hors démonstration");
  }
}
