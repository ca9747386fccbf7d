package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped list of communes (src/main/resources/referentiel/communes-nuitee.csv). */
class ReferentielCommunesTest {

  private static ReferentielCommunes livre() {
    return ReferentielCommunesDeTest.livre();
  }

  @Test
  void leReferentielCompteParisLesOnzeGrandesVillesEtLaMetropoleDuGrandParis() {
    ReferentielCommunes communes = livre();
    // Paris and its 20 arrondissements
    assertThat(communes.nombre(CategorieCommune.PARIS)).isEqualTo(21);
    // Marseille, Lyon, Toulouse, Nice, Nantes, Montpellier, Strasbourg, Bordeaux, Lille, Rennes + 25 arrondissements
    assertThat(communes.nombre(CategorieCommune.GRANDE_VILLE)).isEqualTo(10 + 16 + 9);
    // the 130 communes of 2025 besides Paris (129) and Pierrefitte-sur-Seine's former code
    assertThat(communes.nombre(CategorieCommune.GRAND_PARIS)).isEqualTo(130);
  }

  @ParameterizedTest(name = "{0} {1} : {2}")
  @CsvSource({
      "75056, Paris, PARIS", "75115, Paris 15e, PARIS",
      "13055, Marseille, GRANDE_VILLE", "13208, Marseille 8e, GRANDE_VILLE", "69383, Lyon 3e, GRANDE_VILLE",
      "59350, Lille, GRANDE_VILLE", "35238, Rennes, GRANDE_VILLE",
      "92012, Boulogne-Billancourt, GRAND_PARIS", "93066, Saint-Denis, GRAND_PARIS", "94028, Créteil, GRAND_PARIS",
      "95018, Argenteuil, GRAND_PARIS", "91687, Viry-Châtillon, GRAND_PARIS", "94047, Mandres-les-Roses, GRAND_PARIS",
      "92047, Marnes-la-Coquette, GRAND_PARIS",
      "45234, Orléans, AUTRE", "51454, Reims, AUTRE", "83137, Toulon, AUTRE", "78646, Versailles, AUTRE",
      "95127, Cergy, AUTRE", "2A004, Ajaccio, AUTRE"})
  void categorie(String code, String nom, CategorieCommune categorie) {
    assertThat(livre().categorie(code)).as(nom).isEqualTo(categorie);
  }

  @Test
  void uneLigneIllisibleOuUnDoublonEstRefuse() {
    assertThatThrownBy(() -> ReferentielCommunes.lire(csv("# commentaire\n7505;Paris;PARIS\n")))
        .hasMessageContaining("ligne 2");
    assertThatThrownBy(() -> ReferentielCommunes.lire(csv("75056;Paris;PARIS\n75056;Paris;PARIS\n")))
        .hasMessageContaining("en double");
  }

  private static InputStream csv(String texte) {
    return new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8));
  }
}
