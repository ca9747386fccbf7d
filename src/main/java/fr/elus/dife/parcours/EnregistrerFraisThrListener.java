package fr.elus.dife.parcours;

import fr.elus.dife.regles.FraisThr;
import fr.elus.dife.regles.ReferentielCommunes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R8 after the training: the meals and nights declared, priced by the rules with
 * the barème in force at the training's dates; the amounts go to the élu's email.
 */
@Component("enregistrerFraisThr")
public class EnregistrerFraisThrListener implements TaskListener {

  static final int LIGNES_NUITEES = 3;

  private final FraisThr.Bareme bareme;
  private final ReferentielCommunes communes;

  public EnregistrerFraisThrListener(FraisThr.Bareme bareme, ReferentielCommunes communes) {
    this.bareme = bareme;
    this.communes = communes;
  }

  @Override
  public void notify(DelegateTask tache) {
    Saisie saisie = new Saisie(tache);
    int repas = saisie.entier("repasPris", 0, FraisThr.NOMBRE_MAX);
    LocalDate debut = LocalDate.parse((String) tache.getVariable("dateDebutFormation"));
    List<FraisThr.Nuitees> nuitees = new ArrayList<>();
    for (int ligne = 1; ligne <= LIGNES_NUITEES; ligne++) {
      Object code = tache.getVariable("codeInseeNuitee" + ligne);
      if (code != null && !code.toString().isBlank()) {
        nuitees.add(new FraisThr.Nuitees(saisie.codeInsee("codeInseeNuitee" + ligne),
            saisie.entier("nombreNuitees" + ligne, 1, FraisThr.NOMBRE_MAX), debut));
      }
    }
    FraisThr.Resultat resultat = FraisThr.calculer(repas, debut, nuitees, communes, bareme);
    Map<String, String> frais = new LinkedHashMap<>();
    frais.put("repas", String.valueOf(repas));
    frais.put("montantRepas", resultat.montantRepas().toPlainString());
    frais.put("nuitees", String.valueOf(nuitees.stream().mapToInt(FraisThr.Nuitees::nombre).sum()));
    frais.put("montantNuitees", resultat.montantNuitees().toPlainString());
    frais.put("total", resultat.total().toPlainString());
    tache.setVariable("fraisThr", frais);
  }
}
