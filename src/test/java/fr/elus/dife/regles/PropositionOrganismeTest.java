package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.elus.dife.regles.PropositionOrganisme.Champ;
import fr.elus.dife.regles.PropositionOrganisme.Lecture;
import fr.elus.dife.regles.PropositionOrganisme.Refus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one check of the organisme's proposal (and of the chosen session), whatever the channel. */
class PropositionOrganismeTest {

  private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 1);

  private static Map<Champ, Object> saisie(String acceptation, String debut, String fin, Object cout, String lieu) {
    Map<Champ, Object> saisie = new EnumMap<>(Champ.class);
    saisie.put(Champ.DATE_ACCEPTATION, acceptation);
    saisie.put(Champ.DATE_DEBUT, debut);
    saisie.put(Champ.DATE_FIN, fin);
    saisie.put(Champ.COUT_FORMATION, cout);
    saisie.put(Champ.CODE_INSEE_LIEU, lieu);
    return saisie;
  }

  @Test
  void unePropositionValide() {
    Lecture lecture = PropositionOrganisme.proposee(
        saisie("2026-12-01", "2026-12-17", "2026-12-18", new BigDecimal("1200"), "2a004")::get, AUJOURDHUI);

    assertThat(lecture.refus()).isEmpty();
    assertThat(lecture.proposition()).isEqualTo(new PropositionOrganisme(AUJOURDHUI, LocalDate.of(2026, 12, 17),
        LocalDate.of(2026, 12, 18), new BigDecimal("1200.00"), "2A004"));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} : {5}")
  @CsvSource(nullValues = "-", delimiter = '|', value = {
      // the acceptance cannot be in the future (the form refused it, the API event did not)
      "2026-12-02|2026-12-17|2026-12-18|1200|75056|DATE_ACCEPTATION:ne peut pas être une date dans le futur",
      "2026-11-20|2026-11-19|2026-11-18|1200|75056|DATE_DEBUT:ne peut pas précéder la date d'acceptation,"
          + "DATE_FIN:ne peut pas précéder la date de début",
      "-|2026-12-17|2026-12-18|1e300000|7505|DATE_ACCEPTATION:est obligatoire (date au format AAAA-MM-JJ),"
          + "COUT_FORMATION:ne peut pas dépasser 9999999.99 € (montant en euros, par exemple 1200.00),"
          + "CODE_INSEE_LIEU:doit être un code commune INSEE de 5 caractères (5 chiffres, ou 2A/2B suivi de 3 chiffres pour la Corse)",
      "-999999999-01-01|2026-12-17|9999-12-31|-5|-|DATE_ACCEPTATION:doit être une date au format AAAA-MM-JJ,"
          + "DATE_FIN:doit être une date entre 1900-01-01 et 2100-12-31,COUT_FORMATION:ne peut pas être négatif,"
          + "CODE_INSEE_LIEU:est obligatoire (un code commune INSEE de 5 caractères (5 chiffres, ou 2A/2B suivi de 3 chiffres pour la Corse))"})
  void chaqueChampEnFauteEstNomme(String acceptation, String debut, String fin, String cout, String lieu,
      String attendus) {
    Lecture lecture = PropositionOrganisme.proposee(saisie(acceptation, debut, fin, cout, lieu)::get, AUJOURDHUI);

    assertThat(lecture.proposition()).isNull();
    assertThat(lecture.refus()).extracting(refus -> refus.champ() + ":" + refus.motif())
        .containsExactlyInAnyOrder(attendus.split(",(?=[A-Z_]+:)"));
  }

  @Test
  void laSessionChoisieNeDoitPasAvoirCommence() {
    Lecture choisie = PropositionOrganisme.choisie(saisie(null, "2026-11-30", "2026-12-02", "950", "45234")::get,
        AUJOURDHUI);
    assertThat(choisie.refus()).containsExactly(
        new Refus(Champ.DATE_DEBUT, "ne peut pas être une date passée : la session a déjà commencé"));

    Lecture demain = PropositionOrganisme.choisie(saisie(null, "2026-12-01", "2026-12-01", "950", "45234")::get,
        AUJOURDHUI);
    assertThat(demain.refus()).isEmpty();
    assertThat(demain.proposition().dateAcceptation()).isNull();
    assertThat(demain.proposition().coutFormation()).isEqualTo(new BigDecimal("950.00"));
  }
}
