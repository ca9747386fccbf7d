package fr.elus.dife.securite;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The associations of mayors served by this installation: one Camunda tenant each. */
@ConfigurationProperties("dife")
public record AssociationsProperties(List<Association> associations) {

  public record Association(String id, String nom) {
  }

  public AssociationsProperties {
    associations = associations == null ? List.of() : List.copyOf(associations);
  }

  public List<String> identifiants() {
    return associations.stream().map(Association::id).toList();
  }
}
