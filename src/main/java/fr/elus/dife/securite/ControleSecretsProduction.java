package fr.elus.dife.securite;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo setup, refuses to start without real secrets. It runs before
 * the engine exists: Camunda's starter would otherwise create the admin user with
 * its id as password when none is given.
 */
public class ControleSecretsProduction implements EnvironmentPostProcessor {

  static final String PROFIL_DEMO = "demo";
  private static final int LONGUEUR_MIN_CLE_NIR = 32;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environnement, SpringApplication application) {
    if (environnement.acceptsProfiles(Profiles.of(PROFIL_DEMO))) {
      return;
    }
    List<String> manques = new ArrayList<>();
    String motDePasse = environnement.getProperty("camunda.bpm.admin-user.password", "");
    if (motDePasse.isBlank() || motDePasse.equalsIgnoreCase("demo")) {
      manques.add("le mot de passe de l'administrateur (variable DIFE_ADMIN_PASSWORD) est absent "
          + "ou vaut celui de la démonstration");
    }
    String cleNir = environnement.getProperty("dife.nir.cle-hachage", "");
    if (cleNir.length() < LONGUEUR_MIN_CLE_NIR || cleNir.startsWith("cle-de-demonstration")) {
      manques.add("la clé de hachage du NIR (variable DIFE_NIR_CLE, au moins " + LONGUEUR_MIN_CLE_NIR
          + " caractères) est absente ou vaut celle de la démonstration");
    }
    if (!manques.isEmpty()) {
      throw new IllegalStateException("Démarrage refusé hors démonstration : " + String.join(" ; ", manques)
          + ". Définissez ces variables, ou lancez la démonstration avec le profil « demo ».");
    }
  }
}
