package fr.elus.dife.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.dossier.DemandeOuverture.Elu;
import fr.elus.dife.dossier.DemandeOuverture.OsSmartphone;
import fr.elus.dife.dossier.DemandeOuverture.PreferenceCanal;
import fr.elus.dife.dossier.DemandeOuverture.Situation;
import fr.elus.dife.regles.AdresseElectronique;
import fr.elus.dife.regles.Nir;
import fr.elus.dife.regles.PlafondDife;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks the body of POST /api/dossiers field by field (docs/DOMAIN.md R2, docs/CONTRACT.md). */
@Component
public class ValidateurDemandeOuverture {

  private static final Pattern NOM = Pattern.compile("\\p{L}[\\p{L} '’.-]*");
  private static final Pattern MOBILE = Pattern.compile("0[67]\\d{8}");
  private static final Pattern FIXE = Pattern.compile("0[1-59]\\d{8}");
  private static final Pattern NATIONALITE = Pattern.compile("[A-Z]{2}");
  private static final Pattern VERSION_OS = Pattern.compile("\\d{1,2}(\\.\\d{1,3}){0,2}");
  private static final int AGE_MAJORITE = 18;

  private final Clock horloge;

  public ValidateurDemandeOuverture(Clock horloge) {
    this.horloge = horloge;
  }

  /** The request and its warnings, or a RequeteInvalideException naming every bad field. */
  public Resultat valider(JsonNode corps) {
    ChampsJson champs = new ChampsJson(corps);
    String association = champs.texte("association", false, 64);
    Elu elu = champs.objet("elu") ? lireElu(champs) : null;
    Situation situation = champs.objet("situation") ? lireSituation(champs) : null;
    BigDecimal droits = champs.montant("droitsDife", false);
    champs.verifier();

    List<String> avertissements = new ArrayList<>();
    PlafondDife.avertissement(droits, "déclarés").ifPresent(avertissements::add);
    return new Resultat(new DemandeOuverture(association, elu, situation, droits), avertissements);
  }

  public record Resultat(DemandeOuverture demande, List<String> avertissements) {
  }

  private Elu lireElu(ChampsJson champs) {
    String nomNaissance = nom(champs, "elu.nomNaissance", true);
    String nomUsage = nom(champs, "elu.nomUsage", false);
    String prenoms = nom(champs, "elu.prenoms", true);
    LocalDate dateNaissance = dateNaissance(champs);
    String lieuNaissance = champs.texte("elu.lieuNaissance", true, 100);
    String nationalite = champs.texte("elu.nationalite", true, 2);
    if (nationalite != null && !NATIONALITE.matcher(nationalite).matches()) {
      champs.erreur("elu.nationalite", "Le champ « elu.nationalite » doit être un code pays ISO de 2 lettres majuscules (FR).");
    }
    Nir nir = nir(champs);
    String email = champs.texte("elu.email", true, 254);
    if (email != null && !AdresseElectronique.estValide(email)) {
      champs.erreur("elu.email", "Le champ « elu.email » " + AdresseElectronique.MOTIF + ".");
    }
    String mobile = telephone(champs, "elu.telephoneMobile", MOBILE,
        "un numéro de mobile de 10 chiffres commençant par 06 ou 07");
    String fixe = telephone(champs, "elu.telephoneFixe", FIXE,
        "un numéro de 10 chiffres commençant par 01, 02, 03, 04, 05 ou 09");
    if (!champs.present("elu.telephoneMobile") && !champs.present("elu.telephoneFixe")) {
      champs.erreur("elu.telephoneMobile", "Un numéro de téléphone est obligatoire : « elu.telephoneMobile » "
          + "(06 ou 07) ou, à défaut, « elu.telephoneFixe ».");
    }
    String collectiviteNom = null;
    String codeInsee = null;
    if (champs.objet("elu.collectivite")) {
      collectiviteNom = champs.texte("elu.collectivite.nom", true, 150);
      codeInsee = champs.codeInsee("elu.collectivite.codeInsee", true);
    }
    String mandat = champs.texte("elu.mandat", true, 100);
    return new Elu(nomNaissance, nomUsage, prenoms, dateNaissance, lieuNaissance, nationalite, nir, email,
        mobile, fixe, collectiviteNom, codeInsee, mandat);
  }

  private Situation lireSituation(ChampsJson champs) {
    Boolean compteFormation = champs.booleen("situation.compteFormation", true);
    Boolean identiteNumerique = champs.booleen("situation.identiteNumerique", true);
    Boolean franceIdentite = champs.booleen("situation.franceIdentite", false);
    OsSmartphone os = null;
    String version = null;
    if (champs.objet("situation.smartphone")) {
      os = champs.enumeration("situation.smartphone.os", OsSmartphone.class, true);
      if (os != null && os != OsSmartphone.AUCUN) {
        version = champs.texte("situation.smartphone.version", true, 10);
        if (version != null && !VERSION_OS.matcher(version).matches()) {
          champs.erreur("situation.smartphone.version",
              "Le champ « situation.smartphone.version » doit être un numéro de version, par exemple \"13\" ou \"16.4\".");
          version = null;
        }
      }
    }
    Boolean piece = champs.booleen("situation.pieceIdentiteFrancaiseValide", true);
    Boolean camera = champs.booleen("situation.cameraEtMicro", true);
    PreferenceCanal preference = champs.enumeration("situation.preferenceCanal", PreferenceCanal.class, true);
    if (champs.aDesErreurs()) {
      return null;
    }
    return new Situation(compteFormation, identiteNumerique, Boolean.TRUE.equals(franceIdentite), os, version, piece,
        camera, preference);
  }

  private static String nom(ChampsJson champs, String chemin, boolean obligatoire) {
    String valeur = champs.texte(chemin, obligatoire, 100);
    if (valeur != null && !NOM.matcher(valeur).matches()) {
      champs.erreur(chemin, "Le champ « " + chemin + " » ne peut contenir que des lettres, espaces, traits d'union et apostrophes.");
      return null;
    }
    return valeur;
  }

  private LocalDate dateNaissance(ChampsJson champs) {
    LocalDate date = champs.date("elu.dateNaissance", true);
    if (date == null) {
      return null;
    }
    LocalDate aujourdhui = LocalDate.now(horloge);
    if (!date.isBefore(aujourdhui)) {
      champs.erreur("elu.dateNaissance", "Le champ « elu.dateNaissance » doit être une date passée.");
      return null;
    }
    if (date.plusYears(AGE_MAJORITE).isAfter(aujourdhui)) {
      champs.erreur("elu.dateNaissance", "L'élu doit être majeur : « elu.dateNaissance » indique moins de 18 ans.");
      return null;
    }
    return date;
  }

  // the message never quotes the value: it is the élu's NIR
  private static Nir nir(ChampsJson champs) {
    String saisie = champs.texte("elu.nir", false, 21);
    if (saisie == null) {
      return null;
    }
    return Nir.lire(saisie).orElseGet(() -> {
      champs.erreur("elu.nir", "Le champ « elu.nir » n'est pas un NIR valide : 13 caractères (2A ou 2B pour la Corse) "
          + "suivis de la clé de contrôle à 2 chiffres.");
      return null;
    });
  }

  private static String telephone(ChampsJson champs, String chemin, Pattern forme, String attendu) {
    String saisie = champs.texte(chemin, false, 20);
    if (saisie == null) {
      return null;
    }
    String numero = saisie.replaceAll("[ .\\-]", "");
    if (numero.startsWith("+33")) {
      numero = "0" + numero.substring(3);
    }
    if (!forme.matcher(numero).matches()) {
      champs.erreur(chemin, "Le champ « " + chemin + " » doit être " + attendu + ".");
      return null;
    }
    return numero;
  }
}
