package fr.elus.dife.regles.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.elus.dife.api.ChampsJson;
import fr.elus.dife.api.ErreurChamp;
import fr.elus.dife.api.RequeteInvalideException;
import fr.elus.dife.regles.Departement;
import fr.elus.dife.regles.FraisThr;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.regles.SaisieRefusee;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reads the requests of /api/regles with the rules' own readers: every bad field
 * or parameter is named at once, and nothing reaches a computation unbounded.
 */
@Component
public class LecteurRequetesRegles {

  public record DemandeDelai(LocalDate acceptation, LocalDate debut, String departement) {
  }

  public record DemandeRepartition(BigDecimal coutFormation, BigDecimal droitsDife,
      BigDecimal contributionCollectiviteDemandee) {
  }

  public record DemandeFraisThr(int repas, LocalDate dateSejour, List<FraisThr.Nuitees> nuitees) {
  }

  private final Clock horloge;

  public LecteurRequetesRegles(Clock horloge) {
    this.horloge = horloge;
  }

  public DemandeDelai delai(String acceptation, String debut, String departement) {
    List<ErreurChamp> erreurs = new ArrayList<>();
    LocalDate dateAcceptation = parametre(erreurs, "acceptation", () -> Jour.lire(acceptation));
    LocalDate dateDebut = parametre(erreurs, "debut", () -> Jour.lire(debut));
    String numero = parametre(erreurs, "departement", () -> Departement.lire(departement));
    if (dateAcceptation != null && dateDebut != null && dateDebut.isBefore(dateAcceptation)) {
      erreurs.add(new ErreurChamp("debut", "Le paramètre « debut » ne peut pas précéder la date d'acceptation."));
    }
    if (!erreurs.isEmpty()) {
      throw new RequeteInvalideException(erreurs);
    }
    return new DemandeDelai(dateAcceptation, dateDebut, numero);
  }

  public DemandeRepartition repartition(JsonNode corps) {
    ChampsJson champs = new ChampsJson(corps);
    BigDecimal cout = champs.montant("coutFormation", true);
    BigDecimal droits = champs.montant("droitsDife", true);
    BigDecimal demandee = champs.montant("contributionCollectiviteDemandee", true);
    champs.verifier();
    return new DemandeRepartition(cout, droits, demandee);
  }

  /** Meals and nights; every night is dated (its own date, else the stay's, else today). */
  public DemandeFraisThr fraisThr(JsonNode corps) {
    ChampsJson champs = new ChampsJson(corps);
    LocalDate dateSejour = champs.present("dateSejour") ? champs.date("dateSejour", true) : LocalDate.now(horloge);
    Integer repas = champs.nombre("repas", 0, FraisThr.NOMBRE_MAX, 0);
    List<FraisThr.Nuitees> nuitees = new ArrayList<>();
    JsonNode liste = champs.noeud("nuitees");
    if (liste != null && !liste.isArray()) {
      champs.erreur("nuitees", "Le champ « nuitees » doit être une liste de { codeInsee, nombre }.");
    } else if (liste != null) {
      for (int i = 0; i < liste.size(); i++) {
        String chemin = "nuitees." + i;
        String code = champs.codeInsee(chemin + ".codeInsee", true);
        Integer nombre = champs.nombre(chemin + ".nombre", 1, FraisThr.NOMBRE_MAX, null);
        LocalDate date = champs.present(chemin + ".date") ? champs.date(chemin + ".date", true) : dateSejour;
        if (code != null && nombre != null && date != null) {
          nuitees.add(new FraisThr.Nuitees(code, nombre, date));
        }
      }
    }
    champs.verifier();
    return new DemandeFraisThr(repas, dateSejour, nuitees);
  }

  private static <T> T parametre(List<ErreurChamp> erreurs, String nom, Supplier<T> regle) {
    try {
      return regle.get();
    } catch (SaisieRefusee refus) {
      erreurs.add(new ErreurChamp(nom, "Le paramètre « " + nom + " » " + refus.motif() + "."));
      return null;
    }
  }
}
