package fr.elus.dife.regles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The barème of R8 as analysts maintain it: the latest deployed versions of the
 * DMN decisions tarif-repas and tarif-nuitee, whose rules carry their dates.
 */
@Component
public class BaremeDmn implements FraisThr.Bareme {

  private final DecisionService decisionService;

  public BaremeDmn(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  @Override
  public BigDecimal tarifRepas(LocalDate date) {
    return montant(decisionService.evaluateDecisionByKey("tarif-repas")
        .variables(Map.of("dateRepas", date)).evaluate(), "montantRepas", date);
  }

  @Override
  public BigDecimal tarifNuitee(CategorieCommune categorie, LocalDate date) {
    return montant(decisionService.evaluateDecisionByKey("tarif-nuitee")
        .variables(Map.of("categorieCommune", categorie.name(), "dateNuitee", date)).evaluate(), "montantNuitee", date);
  }

  private static BigDecimal montant(DmnDecisionResult resultat, String sortie, LocalDate date) {
    if (resultat.isEmpty()) {
      throw new AucunBaremeException(date);
    }
    return new BigDecimal(resultat.getSingleResult().<String>getEntry(sortie)).setScale(2);
  }

  /** No rule of the barème covers the date. */
  public static class AucunBaremeException extends RuntimeException {
    private final LocalDate date;

    public AucunBaremeException(LocalDate date) {
      super("Aucun barème des frais THR n'est en vigueur le " + date);
      this.date = date;
    }

    public LocalDate date() {
      return date;
    }
  }
}
