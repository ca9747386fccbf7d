package fr.elus.dife.indicateurs;

import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.api.RessourceIntrouvableException;
import fr.elus.dife.parcours.StatutDossier;
import fr.elus.dife.securite.AssociationsProperties;
import fr.elus.dife.securite.UtilisateurCourant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Which associations and which period a request of the indicators is about. */
@Component
public class Perimetre {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int MOIS_PAR_DEFAUT = 12;

  private final UtilisateurCourant utilisateur;
  private final AssociationsProperties associations;

  public Perimetre(UtilisateurCourant utilisateur, AssociationsProperties associations) {
    this.utilisateur = utilisateur;
    this.associations = associations;
  }

  /** The one association asked for, if it is the caller's; otherwise all of the caller's. */
  public List<String> associations(String association) {
    List<String> siennes = utilisateur.estAdministrateur() ? associations.identifiants() : utilisateur.associations();
    if (association == null || association.isBlank()) {
      return siennes;
    }
    if (!siennes.contains(association)) {
      throw new RessourceIntrouvableException("Aucune association « " + association + " » parmi les vôtres.");
    }
    return List.of(association);
  }

  /** The status filter, checked: null when none is asked. */
  public String statut(String statut) {
    if (statut == null || statut.isBlank()) {
      return null;
    }
    try {
      return StatutDossier.valueOf(statut).name();
    } catch (IllegalArgumentException e) {
      throw new RequeteInvalideException("statut", "Le paramètre « statut » doit être l'un des statuts du dossier : "
          + Arrays.toString(StatutDossier.values()) + ".");
    }
  }

  public record Periode(LocalDate depuis, LocalDate jusqua) {
    Instant debut() {
      return depuis.atStartOfDay(PARIS).toInstant();
    }

    /** jusqua is inclusive. */
    Instant fin() {
      return jusqua.plusDays(1).atStartOfDay(PARIS).toInstant();
    }
  }

  /** By default the last twelve months up to today. */
  public Periode periode(String depuis, String jusqua, LocalDate aujourdhui) {
    LocalDate fin = date("jusqua", jusqua, aujourdhui);
    LocalDate debut = date("depuis", depuis, fin.minusMonths(MOIS_PAR_DEFAUT).plusDays(1));
    if (debut.isAfter(fin)) {
      throw new RequeteInvalideException("depuis", "« depuis » (" + debut + ") est après « jusqua » (" + fin + ").");
    }
    return new Periode(debut, fin);
  }

  private static LocalDate date(String champ, String valeur, LocalDate defaut) {
    if (valeur == null || valeur.isBlank()) {
      return defaut;
    }
    try {
      LocalDate date = LocalDate.parse(valeur);
      if (date.getYear() < 2000 || date.getYear() > 2100) {
        throw new RequeteInvalideException(champ, "« " + champ + " » doit être une date entre 2000 et 2100.");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new RequeteInvalideException(champ, "« " + champ + " » doit être une date AAAA-MM-JJ.");
    }
  }
}
