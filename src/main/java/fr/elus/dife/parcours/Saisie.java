package fr.elus.dife.parcours;

import fr.elus.dife.regles.AdresseElectronique;
import fr.elus.dife.regles.CodeInsee;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.Montant;
import fr.elus.dife.regles.Nombre;
import fr.elus.dife.regles.PropositionOrganisme;
import fr.elus.dife.regles.PropositionOrganisme.Champ;
import fr.elus.dife.regles.SaisieRefusee;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Server-side checks of what a task's form submitted: the form's own validation
 * runs in the browser only, and /engine-rest accepts anything. The rules are those
 * of {@code regles}; this class only reads the task's variables and turns a refusal
 * into the engine's NotValidException, whose French message Tasklist shows.
 */
final class Saisie {

  /** The forms' names of a session's fields, which are also the process variables. */
  private static final Map<Champ, String> CHAMPS_SESSION = Map.of(Champ.DATE_ACCEPTATION, "dateAcceptation",
      Champ.DATE_DEBUT, "dateDebutFormation", Champ.DATE_FIN, "dateFinFormation",
      Champ.COUT_FORMATION, "coutFormation", Champ.CODE_INSEE_LIEU, "codeInseeLieuFormation");

  private final DelegateTask tache;

  Saisie(DelegateTask tache) {
    this.tache = tache;
  }

  String texte(String champ) {
    Object valeur = tache.getVariable(champ);
    if (valeur == null || valeur.toString().isBlank()) {
      throw invalide(champ, "est obligatoire");
    }
    return valeur.toString().strip();
  }

  String choix(String champ, String... valeurs) {
    String valeur = texte(champ);
    if (!Arrays.asList(valeurs).contains(valeur)) {
      throw invalide(champ, "doit valoir l'une de ces valeurs : " + String.join(", ", valeurs));
    }
    return valeur;
  }

  boolean oui(String champ) {
    return choix(champ, "OUI", "NON").equals("OUI");
  }

  LocalDate datePasseeOuDuJour(String champ, LocalDate aujourdhui) {
    return regle(champ, () -> Jour.passeOuDuJour(date(tache.getVariable(champ)), aujourdhui));
  }

  LocalDate date(String champ) {
    return regle(champ, () -> Jour.lire(date(tache.getVariable(champ))));
  }

  /**
   * The values of a checklist: Tasklist submits them as a JSON array (a Spin value),
   * the engine's API as a Java list.
   */
  List<String> liste(String champ) {
    Object valeur = tache.getVariable(champ);
    if (valeur instanceof SpinJsonNode json && json.isArray()) {
      return json.elements().stream().map(SpinJsonNode::stringValue).toList();
    }
    if (valeur instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  int entier(String champ, int minimum, int maximum) {
    return regle(champ, () -> Nombre.lire(tache.getVariable(champ), minimum, maximum));
  }

  String codeInsee(String champ) {
    return regle(champ, () -> CodeInsee.lire(texteOuNull(tache.getVariable(champ))));
  }

  /** An optional email address: null when left empty. */
  String adresseFacultative(String champ) {
    return regle(champ, () -> AdresseElectronique.lireFacultative(tache.getVariable(champ)));
  }

  BigDecimal montant(String champ) {
    return regle(champ, () -> Montant.lire(tache.getVariable(champ)));
  }

  /** The session the organisme accepted (a reminder's form), by the rule of its proposal. */
  PropositionOrganisme sessionProposee(LocalDate aujourdhui) {
    return session(PropositionOrganisme.proposee(champ -> valeur(CHAMPS_SESSION.get(champ)), aujourdhui));
  }

  /** The session chosen with the élu, by the same rule before any acceptance. */
  PropositionOrganisme sessionChoisie(LocalDate aujourdhui) {
    return session(PropositionOrganisme.choisie(champ -> valeur(CHAMPS_SESSION.get(champ)), aujourdhui));
  }

  private static PropositionOrganisme session(PropositionOrganisme.Lecture lecture) {
    if (!lecture.refus().isEmpty()) {
      throw new NotValidException(lecture.refus().stream()
          .map(refus -> new SaisieRefusee(refus.motif()).pourLeChamp(CHAMPS_SESSION.get(refus.champ())))
          .collect(Collectors.joining(" ")));
    }
    return lecture.proposition();
  }

  private Object valeur(String champ) {
    Object valeur = tache.getVariable(champ);
    return valeur instanceof String ? date(valeur) : valeur;
  }

  // a date field may come with a time from /engine-rest ("2026-03-02T00:00:00"): the day is what counts
  private static String date(Object valeur) {
    String texte = texteOuNull(valeur);
    return texte != null && texte.length() > 10 && texte.charAt(10) == 'T' ? texte.substring(0, 10) : texte;
  }

  private static String texteOuNull(Object valeur) {
    return valeur == null ? null : valeur.toString();
  }

  private static <T> T regle(String champ, Supplier<T> regle) {
    try {
      return regle.get();
    } catch (SaisieRefusee refus) {
      throw new NotValidException(refus.pourLeChamp(champ));
    }
  }

  static NotValidException invalide(String champ, String motif) {
    return new NotValidException(new SaisieRefusee(motif).pourLeChamp(champ));
  }
}
