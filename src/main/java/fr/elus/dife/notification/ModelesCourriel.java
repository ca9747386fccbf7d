package fr.elus.dife.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The French email templates of courriels/*.txt: a first line "Objet : …", a blank
 * line, then the body; {{variable}} is replaced by the dossier's variable, and
 * {{variable|date}} shows an ISO date as 12/04/1971, {{map.cle}} an entry of a map variable. A variable the dossier lacks is
 * an error, not a hole in a letter to the CDC; one it has without value reads
 * "non renseigné".
 */
@Component
public class ModelesCourriel {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{([\\w.]+)(\\|date)?}}");
  private static final DateTimeFormatter DATE_FRANCAISE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String PREFIXE_OBJET = "Objet : ";

  private final Map<String, String> textes = new ConcurrentHashMap<>();

  public record Courriel(String sujet, String corps) {
  }

  public Courriel composer(String modele, Map<String, Object> variables) {
    String texte = textes.computeIfAbsent(modele, ModelesCourriel::lire);
    int finObjet = texte.indexOf('\n');
    if (!texte.startsWith(PREFIXE_OBJET) || finObjet < 0) {
      throw new IllegalStateException("Le modèle de courriel " + modele + " doit commencer par « " + PREFIXE_OBJET + "»");
    }
    return new Courriel(remplir(modele, texte.substring(PREFIXE_OBJET.length(), finObjet).strip(), variables),
        remplir(modele, texte.substring(finObjet + 1).strip(), variables));
  }

  private static String remplir(String modele, String texte, Map<String, Object> variables) {
    Matcher variable = VARIABLE.matcher(texte);
    StringBuilder resultat = new StringBuilder();
    while (variable.find()) {
      String nom = variable.group(1);
      Object valeur = valeur(modele, nom, variables);
      String texteValeur = valeur == null || valeur.toString().isBlank() ? "non renseigné"
          : variable.group(2) != null ? LocalDate.parse(valeur.toString().substring(0, 10)).format(DATE_FRANCAISE)
          : valeur.toString();
      variable.appendReplacement(resultat, Matcher.quoteReplacement(texteValeur));
    }
    return variable.appendTail(resultat).toString();
  }

  private static Object valeur(String modele, String nom, Map<String, Object> variables) {
    Object valeur = variables;
    for (String partie : nom.split("\\.")) {
      if (!(valeur instanceof Map<?, ?> map) || !map.containsKey(partie)) {
        throw new IllegalStateException("Modèle " + modele + " : variable « " + nom + " » absente du dossier");
      }
      valeur = map.get(partie);
    }
    return valeur;
  }

  private static String lire(String modele) {
    if (!modele.matches("[A-Z0-9_]+")) {
      throw new IllegalArgumentException("Nom de modèle de courriel invalide : " + modele);
    }
    try (InputStream flux = new ClassPathResource("courriels/" + modele + ".txt").getInputStream()) {
      return new String(flux.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Modèle de courriel introuvable : " + modele, e);
    }
  }
}
