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

  /** date: that of the first night; the others follow, one a day. */
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
      String nom = communes.commune(sejour.codeInsee()).map(ReferentielCommunes.Commune::nom).orElse(null);
      // night n of a stay is the night of its first date plus n days: a stay across a change of barème
      // gives one line per barème, each night at the rate of its own date
      LocalDate debutLigne = sejour.date();
      BigDecimal tarifLigne = bareme.tarifNuitee(categorie, debutLigne);
      int nuitsLigne = 0;
      for (int nuit = 0; nuit < sejour.nombre(); nuit++) {
        LocalDate date = sejour.date().plusDays(nuit);
        BigDecimal tarif = bareme.tarifNuitee(categorie, date);
        if (tarif.compareTo(tarifLigne) != 0) {
          montantNuitees = montantNuitees.add(ajouterNuitees(lignes, sejour, nom, categorie, nuitsLigne, debutLigne,
              tarifLigne));
          debutLigne = date;
          tarifLigne = tarif;
          nuitsLigne = 0;
        }
        nuitsLigne++;
      }
      montantNuitees = montantNuitees.add(ajouterNuitees(lignes, sejour, nom, categorie, nuitsLigne, debutLigne,
          tarifLigne));
    }
    return new Resultat(montantRepas, montantNuitees, montantRepas.add(montantNuitees), lignes);
  }

  private static BigDecimal ajouterNuitees(List<Ligne> lignes, Nuitees sejour, String nom, CategorieCommune categorie,
      int nombre, LocalDate date, BigDecimal tarif) {
    BigDecimal montant = tarif.multiply(BigDecimal.valueOf(nombre)).setScale(2);
    lignes.add(new Ligne("NUITEE", sejour.codeInsee(), nom, categorie, nombre, date, tarif, montant));
    return montant;
  }
}
