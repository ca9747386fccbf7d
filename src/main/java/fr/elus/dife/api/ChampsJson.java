package fr.elus.dife.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.regles.CodeInsee;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.Montant;
import fr.elus.dife.regles.Nombre;
import fr.elus.dife.regles.SaisieRefusee;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the fields of a JSON request by their dotted path and collects every error
 * in French, so that one answer names all bad fields at once. A field that fails
 * reads as null; callers check {@link #verifier()} before using anything.
 */
public class ChampsJson {

  private final JsonNode racine;
  private final List<ErreurChamp> erreurs = new ArrayList<>();

  public ChampsJson(JsonNode racine) {
    this.racine = racine;
    if (racine == null || !racine.isObject()) {
      erreur("corps", "Le corps de la requête doit être un objet JSON.");
    }
  }

  public void erreur(String champ, String message) {
    erreurs.add(new ErreurChamp(champ, message));
  }

  public boolean aDesErreurs() {
    return !erreurs.isEmpty();
  }

  /** Throws the collected errors, if any. */
  public void verifier() {
    if (aDesErreurs()) {
      throw new RequeteInvalideException(erreurs);
    }
  }

  /** The node at the path ("nuitees.0.codeInsee" for an array's element), or null when absent or JSON null. */
  public JsonNode noeud(String chemin) {
    JsonNode courant = racine;
    for (String partie : chemin.split("\\.")) {
      if (courant != null && courant.isArray() && partie.chars().allMatch(Character::isDigit)) {
        courant = courant.get(Integer.parseInt(partie));
      } else if (courant != null && courant.isObject()) {
        courant = courant.get(partie);
      } else {
        return null;
      }
    }
    return courant == null || courant.isNull() ? null : courant;
  }

  public boolean present(String chemin) {
    return noeud(chemin) != null;
  }

  /** An object that must be there; its absence is reported once, not for each of its fields. */
  public boolean objet(String chemin) {
    JsonNode noeud = noeud(chemin);
    if (noeud == null) {
      erreur(chemin, "Le champ « " + chemin + " » est obligatoire.");
      return false;
    }
    if (!noeud.isObject()) {
      erreur(chemin, "Le champ « " + chemin + " » doit être un objet JSON.");
      return false;
    }
    return true;
  }

  public String texte(String chemin, boolean obligatoire, int longueurMax) {
    JsonNode noeud = noeud(chemin);
    if (noeud == null || (noeud.isTextual() && noeud.asText().isBlank())) {
      if (obligatoire) {
        erreur(chemin, "Le champ « " + chemin + " » est obligatoire.");
      }
      return null;
    }
    if (!noeud.isTextual()) {
      erreur(chemin, "Le champ « " + chemin + " » doit être une chaîne de caractères.");
      return null;
    }
    String valeur = noeud.asText().strip();
    if (valeur.length() > longueurMax) {
      erreur(chemin, "Le champ « " + chemin + " » ne doit pas dépasser " + longueurMax + " caractères.");
      return null;
    }
    if (!texteImprimable(valeur)) {
      erreur(chemin, "Le champ « " + chemin + " » contient un caractère de contrôle ou invalide.");
      return null;
    }
    return valeur;
  }

  // line breaks and tabs are text; NUL, BEL, other controls and a surrogate without its pair are not
  // (a lone surrogate cannot even be written back as valid JSON)
  private static boolean texteImprimable(String valeur) {
    for (int i = 0; i < valeur.length(); i++) {
      char c = valeur.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < valeur.length() && Character.isLowSurrogate(valeur.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  public Boolean booleen(String chemin, boolean obligatoire) {
    JsonNode noeud = noeud(chemin);
    if (noeud == null) {
      if (obligatoire) {
        erreur(chemin, "Le champ « " + chemin + " » est obligatoire (true ou false).");
      }
      return null;
    }
    if (!noeud.isBoolean()) {
      erreur(chemin, "Le champ « " + chemin + " » doit valoir true ou false.");
      return null;
    }
    return noeud.booleanValue();
  }

  public LocalDate date(String chemin, boolean obligatoire) {
    return regle(chemin, obligatoire, brut -> Jour.lire(texteDe(brut)));
  }

  public String codeInsee(String chemin, boolean obligatoire) {
    return regle(chemin, obligatoire, brut -> CodeInsee.lire(texteDe(brut)));
  }

  private static String texteDe(Object brut) {
    return brut == null ? null : brut.toString();
  }

  public <E extends Enum<E>> E enumeration(String chemin, Class<E> type, boolean obligatoire) {
    String texte = texte(chemin, obligatoire, 40);
    if (texte == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, texte);
    } catch (IllegalArgumentException e) {
      String permises = Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", "));
      erreur(chemin, "Le champ « " + chemin + " » doit valoir l'une de ces valeurs : " + permises + ".");
      return null;
    }
  }

  /** An amount in euros (a string or a number), as {@link Montant} takes it. */
  public BigDecimal montant(String chemin, boolean obligatoire) {
    return regle(chemin, obligatoire, Montant::lire);
  }

  /** A whole count given as a JSON number (never a string), absent reading as defaut when there is one. */
  public Integer nombre(String chemin, int minimum, int maximum, Integer defaut) {
    JsonNode noeud = noeud(chemin);
    if (noeud == null && defaut != null) {
      return defaut;
    }
    if (noeud == null || !noeud.isNumber()) {
      erreur(chemin, "Le champ « " + chemin + " » doit être un nombre entier.");
      return null;
    }
    return regle(chemin, true, brut -> Nombre.lire(brut, minimum, maximum));
  }

  /**
   * Applies a rule of {@code regles} to the field's raw value (a text, a BigDecimal
   * for a JSON number, null when absent), its refusal becoming this field's error.
   * An optional field that is absent reads as null without asking the rule.
   */
  public <T> T regle(String chemin, boolean obligatoire, Function<Object, T> regle) {
    Object brut = brut(noeud(chemin));
    if (brut == null && !obligatoire) {
      return null;
    }
    try {
      return regle.apply(brut);
    } catch (SaisieRefusee refus) {
      erreur(chemin, refus.pourLeChamp(chemin));
      return null;
    }
  }

  /** The field as the rules read it; a container is given as its JSON text, which no rule accepts. */
  public Object brut(JsonNode noeud) {
    if (noeud == null || (noeud.isTextual() && noeud.asText().isBlank())) {
      return null;
    }
    if (noeud.isTextual()) {
      return noeud.asText();
    }
    if (noeud.isNumber()) {
      // with use-big-decimal-for-floats every number is exact; a double may be infinite
      return noeud.isDouble() && !Double.isFinite(noeud.doubleValue()) ? noeud.asText() : noeud.decimalValue();
    }
    return noeud.toString();
  }
}
