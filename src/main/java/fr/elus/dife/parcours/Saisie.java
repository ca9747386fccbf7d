package fr.elus.dife.parcours;

import fr.elus.dife.regles.CodeInsee;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Server-side checks of what a task's form submitted: the form's own validation
 * runs in the browser only, and /engine-rest accepts anything. Messages name the
 * field, in French; Tasklist shows them to the conseiller.
 */
final class Saisie {

  private final DelegateTask tache;

  Saisie(DelegateTask tache) {
    this.tache = tache;
  }

  String texte(String champ) {
    Object valeur = tache.getVariable(champ);
    if (valeur == null || valeur.toString().isBlank()) {
      throw invalide(champ, "ce champ est obligatoire.");
    }
    return valeur.toString().strip();
  }

  String choix(String champ, String... valeurs) {
    String valeur = texte(champ);
    if (!Arrays.asList(valeurs).contains(valeur)) {
      throw invalide(champ, "choisissez parmi " + String.join(", ", valeurs) + ".");
    }
    return valeur;
  }

  boolean oui(String champ) {
    return choix(champ, "OUI", "NON").equals("OUI");
  }

  LocalDate datePasseeOuDuJour(String champ, LocalDate aujourdhui) {
    LocalDate date = date(champ);
    if (date.isAfter(aujourdhui)) {
      throw invalide(champ, "la date ne peut pas être dans le futur.");
    }
    return date;
  }

  LocalDate date(String champ) {
    String texte = texte(champ);
    try {
      return LocalDate.parse(texte.substring(0, Math.min(10, texte.length())));
    } catch (DateTimeParseException e) {
      throw invalide(champ, "date attendue au format AAAA-MM-JJ.");
    }
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
    Object valeur = tache.getVariable(champ);
    if (valeur == null || valeur.toString().isBlank()) {
      throw invalide(champ, "ce champ est obligatoire.");
    }
    try {
      BigDecimal nombre = new BigDecimal(valeur.toString().strip());
      int entier = nombre.intValueExact();
      if (entier < minimum || entier > maximum) {
        throw invalide(champ, "nombre entier de " + minimum + " à " + maximum + " attendu.");
      }
      return entier;
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalide(champ, "nombre entier attendu.");
    }
  }

  String codeInsee(String champ) {
    String code = texte(champ).toUpperCase();
    if (!CodeInsee.estValide(code)) {
      throw invalide(champ, CodeInsee.FORMAT_ATTENDU + " attendu.");
    }
    return code;
  }

  /** An amount in euros from a text or number field: not negative, 2 decimals at most. */
  BigDecimal montant(String champ) {
    BigDecimal montant;
    try {
      montant = new BigDecimal(texte(champ).replace(',', '.').replace(" ", ""));
    } catch (NumberFormatException e) {
      throw invalide(champ, "montant en euros attendu, par exemple 700.00.");
    }
    if (montant.signum() < 0 || montant.stripTrailingZeros().scale() > 2) {
      throw invalide(champ, "montant positif avec 2 décimales au plus.");
    }
    return montant.setScale(2);
  }

  static NotValidException invalide(String champ, String message) {
    return new NotValidException("Champ « " + champ + " » : " + message);
  }
}
