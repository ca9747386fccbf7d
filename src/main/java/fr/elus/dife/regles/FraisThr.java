package fr.elus.dife.regles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R8, frais THR: flat allowances for meals and nights after the training, each
 * priced with the barème in force on its date.
 */
public final class FraisThr {

  /** Meals or nights of one line: a year of them at most; beyond, a typo. */
  public static final int NOMBRE_MAX = 366;

  /** The dated barème (a DMN decision in the application). */
  public interface Bareme {
    BigDecimal tarifRepas(LocalDate date);

    BigDecimal tarifNuitee(CategorieCommune categorie, LocalDate date);
  }

  public record Nuitees(String codeInsee, int nombre, LocalDate date) {
  }

  public record Ligne(String type, String codeInsee, String commune, CategorieCommune categorie, int nombre,
      LocalDate date, BigDecimal tarif, BigDecimal montant) {
  }

  public record Resultat(BigDecimal montantRepas, BigDecimal montantNuitees, BigDecimal total, List<Ligne> lignes) {
  }

  private FraisThr() {
  }

  public static Resultat calculer(int repas, LocalDate dateRepas, List<Nuitees> nuitees,
      ReferentielCommunes communes, Bareme bareme) {
    List<Ligne> lignes = new ArrayList<>();
    BigDecimal montantRepas = BigDecimal.ZERO.setScale(2);
    if (repas > 0) {
      BigDecimal tarif = bareme.tarifRepas(dateRepas);
      montantRepas = tarif.multiply(BigDecimal.valueOf(repas)).setScale(2);
      lignes.add(new Ligne("REPAS", null, null, null, repas, dateRepas, tarif, montantRepas));
    }
    BigDecimal montantNuitees = BigDecimal.ZERO.setScale(2);
    for (Nuitees sejour : nuitees) {
      CategorieCommune categorie = communes.categorie(sejour.codeInsee());
      BigDecimal tarif = bareme.tarifNuitee(categorie, sejour.date());
      BigDecimal montant = tarif.multiply(BigDecimal.valueOf(sejour.nombre())).setScale(2);
      montantNuitees = montantNuitees.add(montant);
      String nom = communes.commune(sejour.codeInsee()).map(ReferentielCommunes.Commune::nom).orElse(null);
      lignes.add(new Ligne("NUITEE", sejour.codeInsee(), nom, categorie, sejour.nombre(), sejour.date(), tarif, montant));
    }
    return new Resultat(montantRepas, montantNuitees, montantRepas.add(montantNuitees), lignes);
  }
}
