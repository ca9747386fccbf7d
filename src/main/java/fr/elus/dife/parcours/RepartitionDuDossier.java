package fr.elus.dife.parcours;

import fr.elus.dife.regles.Repartition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** R7 applied to the dossier: its cost, rights and the collectivity's answer, kept as the "repartition" variable. */
final class RepartitionDuDossier {

  private RepartitionDuDossier() {
  }

  static Repartition calculer(VariableScope dossier, BigDecimal contributionDemandee) {
    BigDecimal cout = new BigDecimal((String) dossier.getVariable("coutFormation"));
    Object droits = dossier.getVariable("droitsDife");
    Repartition repartition = Repartition.calculer(cout, droits == null ? BigDecimal.ZERO : new BigDecimal(droits.toString()),
        contributionDemandee);
    // strings with 2 decimals, as in the API: the JSON of the variable is what GET /api/dossiers shows
    Map<String, String> variable = new LinkedHashMap<>();
    variable.put("coutFormation", cout.setScale(2).toPlainString());
    variable.put("priseEnChargeDife", repartition.priseEnChargeDife().toPlainString());
    variable.put("contributionCollectivite", repartition.contributionCollectivite().toPlainString());
    variable.put("plafondCollectivite", repartition.plafondCollectivite().toPlainString());
    variable.put("resteAChargeElu", repartition.resteAChargeElu().toPlainString());
    dossier.setVariable("repartition", variable);
    return repartition;
  }
}
