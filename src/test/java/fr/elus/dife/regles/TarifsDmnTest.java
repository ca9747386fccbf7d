package fr.elus.dife.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped DMN barème, evaluated by the engine, and a new barème deployed as a new version. */
class TarifsDmnTest {

  @RegisterExtension
  static ProcessEngineExtension moteur = ProcessEngineExtension.builder()
      .configurationResource("camunda-unit.cfg.xml").build();

  private BaremeDmn bareme;
  private ProcessEngine engine;

  @BeforeEach
  void deployer(ProcessEngine engine) {
    this.engine = engine;
    moteur.manageDeployment(engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/tarif-nuitee.dmn").addClasspathResource("bpmn/tarif-repas.dmn").deploy());
    bareme = new BaremeDmn(engine.getDecisionService());
  }

  @ParameterizedTest(name = "{0} le {1} : {2}")
  @CsvSource({"PARIS,2026-03-18,110.00", "GRANDE_VILLE,2026-03-18,90.00", "GRAND_PARIS,2026-03-18,90.00",
      "AUTRE,2026-03-18,70.00", "PARIS,2019-03-01,110.00", "AUTRE,2040-01-01,70.00"})
  void tarifDesNuitees(CategorieCommune categorie, LocalDate date, String montant) {
    assertThat(bareme.tarifNuitee(categorie, date)).isEqualTo(new BigDecimal(montant));
  }

  @Test
  void tarifDesRepas() {
    assertThat(bareme.tarifRepas(LocalDate.of(2026, 3, 18))).isEqualTo("17.50");
  }

  @Test
  void avantLePremierBaremeAucunTarif() {
    assertThatThrownBy(() -> bareme.tarifNuitee(CategorieCommune.PARIS, LocalDate.of(2019, 2, 28)))
        .isInstanceOf(BaremeDmn.AucunBaremeException.class).hasMessageContaining("2019-02-28");
    assertThatThrownBy(() -> bareme.tarifRepas(LocalDate.of(2018, 12, 31)))
        .isInstanceOf(BaremeDmn.AucunBaremeException.class);
  }

  /** What an analyst does for a new barème: a new version of the DMN, no code. */
  @Test
  void unNouveauBaremeEstUneNouvelleVersionDuDmn() {
    moteur.manageDeployment(engine.getRepositoryService().createDeployment()
        .addClasspathResource("dmn/tarif-nuitee-bareme-2027.dmn").deploy());

    assertThat(bareme.tarifNuitee(CategorieCommune.PARIS, LocalDate.of(2026, 12, 31))).isEqualTo("110.00");
    assertThat(bareme.tarifNuitee(CategorieCommune.PARIS, LocalDate.of(2027, 1, 1))).isEqualTo("140.00");
    assertThat(bareme.tarifNuitee(CategorieCommune.GRAND_PARIS, LocalDate.of(2027, 1, 1))).isEqualTo("120.00");
    assertThat(bareme.tarifNuitee(CategorieCommune.AUTRE, LocalDate.of(2027, 1, 1))).isEqualTo("90.00");
  }
}
