package fr.elus.dife.parcours;

import fr.elus.dife.regles.FraisThr;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.ReferentielCommunes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R8 after the training: the meals and nights declared, priced by the rules, each
 * night with the barème in force on its own date; the amounts and their lines go to
 * the conseiller's check, then to the élu's email. Nothing declared, nothing to claim.
 */
@Component("enregistrerFraisThr")
public class EnregistrerFraisThrListener implements TaskListener {

  static final int LIGNES_NUITEES = 3;
  private static final DateTimeFormatter DATE_FRANCAISE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    LocalDate debut = Jour.lire((String) tache.getVariable("dateDebutFormation"));
    LocalDate fin = Jour.lire((String) tache.getVariable("dateFinFormation"));
    List<FraisThr.Nuitees> nuitees = new ArrayList<>();
    for (int ligne = 1; ligne <= LIGNES_NUITEES; ligne++) {
      Object code = tache.getVariable("codeInseeNuitee" + ligne);
      if (code != null && !code.toString().isBlank()) {
        nuitees.add(sejour(saisie, tache, ligne, debut, fin));
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
    tache.setVariable("fraisThrDetail", detail(resultat));
    tache.setVariable("fraisADemander", resultat.total().signum() > 0);
  }

  // the first night of a line is the training's first day unless said; the élu may arrive the evening
  // before, and the last night is that of the last day at the latest
  private static FraisThr.Nuitees sejour(Saisie saisie, DelegateTask tache, int ligne, LocalDate debut,
      LocalDate fin) {
    String code = saisie.codeInsee("codeInseeNuitee" + ligne);
    int nombre = saisie.entier("nombreNuitees" + ligne, 1, FraisThr.NOMBRE_MAX);
    String champDate = "dateNuitee" + ligne;
    Object saisieDate = tache.getVariable(champDate);
    LocalDate premiere = saisieDate == null || saisieDate.toString().isBlank() ? debut : saisie.date(champDate);
    if (premiere.isBefore(debut.minusDays(1)) || premiere.plusDays(nombre - 1L).isAfter(fin)) {
      throw Saisie.invalide(champDate, "doit placer les " + nombre + " nuitée(s) de la ligne entre la veille de la "
          + "formation (" + debut.minusDays(1).format(DATE_FRANCAISE) + ") et son dernier jour ("
          + fin.format(DATE_FRANCAISE) + ")");
    }
    return new FraisThr.Nuitees(code, nombre, premiere);
  }

  /** The lines as the conseiller checks them and the élu reads them, one a line, then the total. */
  private String detail(FraisThr.Resultat resultat) {
    StringBuilder texte = new StringBuilder();
    for (FraisThr.Ligne ligne : resultat.lignes()) {
      texte.append("- ");
      if ("REPAS".equals(ligne.type())) {
        texte.append(ligne.nombre()).append(" repas");
      } else {
        texte.append(ligne.nombre()).append(ligne.nombre() > 1 ? " nuitées à " : " nuitée à ")
            .append(communes.libelle(ligne.codeInsee())).append(ligne.nombre() > 1 ? " à partir du " : " le ")
            .append(ligne.date().format(DATE_FRANCAISE));
      }
      texte.append(", à ").append(euros(ligne.tarif())).append(" : ").append(euros(ligne.montant())).append('\n');
    }
    return texte.append("Total : ").append(euros(resultat.total())).toString();
  }

  private static String euros(BigDecimal montant) {
    return montant.setScale(2).toPlainString().replace('.', ',') + " €";
  }
}
