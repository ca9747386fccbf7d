package fr.elus.dife.securite;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The associations of mayors served by this installation: one Camunda tenant each. */
@ConfigurationProperties("dife")
public record AssociationsProperties(List<Association> associations) {

  /**
   * email: the team mailbox of the association's conseillers, told when a dossier closes without the DIFE and
   * the Reply-To of the dossiers' emails; adresse (lines separated by "\n") and telephone sign them.
   */
  public record Association(String id, String nom, String email, String adresse, String telephone) {
  }

  public AssociationsProperties {
    associations = associations == null ? List.of() : List.copyOf(associations);
  }

  public String email(String id) {
    return Optional.of(association(id)).map(Association::email).filter(email -> !email.isBlank())
        .orElseThrow(() -> new IllegalStateException("Adresse électronique de l'association " + id
            + " non configurée (dife.associations[].email, variable DIFE_" + String.valueOf(id).toUpperCase() + "_EMAIL)"));
  }

  public Association association(String id) {
    return associations.stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Association " + id + " non configurée (dife.associations)"));
  }

  public List<String> identifiants() {
    return associations.stream().map(Association::id).toList();
  }
}
