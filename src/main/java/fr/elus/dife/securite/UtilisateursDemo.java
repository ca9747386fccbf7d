package fr.elus.dife.securite;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users of docs/CONTRACT.md (password "demo"); only in the demo setup. */
@Component
@Profile("demo")
public class UtilisateursDemo {

  private static final Logger LOG = LoggerFactory.getLogger(UtilisateursDemo.class);
  private static final String MOT_DE_PASSE_DEMO = "demo";

  private record Compte(String id, String prenom, String nom, String groupe, List<String> associations) {
  }

  private static final List<Compte> COMPTES = List.of(
      new Compte("conseiller45", "Camille", "Conseillère AML45", Groupes.CONSEILLERS, List.of("aml45")),
      new Compte("conseiller79", "Dominique", "Conseiller ADM79", Groupes.CONSEILLERS, List.of("adm79")),
      new Compte("superviseur45", "Sacha", "Superviseur AML45", Groupes.SUPERVISEURS, List.of("aml45")),
      new Compte("analyste", "Alex", "Analyste", Groupes.ANALYSTES, List.of("aml45", "adm79")));

  private final IdentityService identityService;

  public UtilisateursDemo(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(ReferentielAcces.ORDRE + 1)
  public void creer() {
    for (Compte compte : COMPTES) {
      if (identityService.createUserQuery().userId(compte.id()).count() > 0) {
        continue;
      }
      User utilisateur = identityService.newUser(compte.id());
      utilisateur.setFirstName(compte.prenom());
      utilisateur.setLastName(compte.nom());
      utilisateur.setEmail(compte.id() + "@demo.invalid");
      utilisateur.setPassword(MOT_DE_PASSE_DEMO);
      identityService.saveUser(utilisateur);
      identityService.createMembership(compte.id(), compte.groupe());
      compte.associations().forEach(a -> identityService.createTenantUserMembership(a, compte.id()));
    }
    LOG.warn("Configuration de démonstration : utilisateurs de démonstration (mot de passe « demo ») en place");
  }
}
