package fr.elus.dife.regles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The communes whose night allowance is not the base rate, by INSEE code (referentiel/communes-nuitee.csv). */
public final class ReferentielCommunes {

  public record Commune(String codeInsee, String nom, CategorieCommune categorie) {
  }

  private final Map<String, Commune> parCode;

  private ReferentielCommunes(Map<String, Commune> parCode) {
    this.parCode = Map.copyOf(parCode);
  }

  /** Lines "code;nom;categorie"; lines starting with # are comments. */
  public static ReferentielCommunes lire(InputStream csv) {
    Map<String, Commune> communes = new HashMap<>();
    try (BufferedReader lecteur = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      String ligne;
      int numero = 0;
      while ((ligne = lecteur.readLine()) != null) {
        numero++;
        if (ligne.isBlank() || ligne.startsWith("#")) {
          continue;
        }
        String[] colonnes = ligne.split(";");
        if (colonnes.length != 3 || !CodeInsee.estValide(colonnes[0])) {
          throw new IllegalArgumentException("Référentiel des communes, ligne " + numero + " illisible : " + ligne);
        }
        Commune commune = new Commune(colonnes[0], colonnes[1], CategorieCommune.valueOf(colonnes[2]));
        if (communes.put(commune.codeInsee(), commune) != null) {
          throw new IllegalArgumentException("Référentiel des communes : code " + commune.codeInsee() + " en double");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ReferentielCommunes(communes);
  }

  public Optional<Commune> commune(String codeInsee) {
    return Optional.ofNullable(parCode.get(codeInsee));
  }

  public CategorieCommune categorie(String codeInsee) {
    return commune(codeInsee).map(Commune::categorie).orElse(CategorieCommune.AUTRE);
  }

  public long nombre(CategorieCommune categorie) {
    return parCode.values().stream().filter(c -> c.categorie() == categorie).count();
  }
}
