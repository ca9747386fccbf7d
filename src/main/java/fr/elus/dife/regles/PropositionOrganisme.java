package fr.elus.dife.regles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The training session as the organisme proposes it (R5, R6): acceptance date,
 * start, end, cost and place. The same checks whichever way it arrives (the
 * PropositionOrganisme event of the API, the conseiller's form after a reminder),
 * and the same for the session the élu chose before any acceptance.
 */
public record PropositionOrganisme(LocalDate dateAcceptation, LocalDate dateDebut, LocalDate dateFin,
    BigDecimal coutFormation, String codeInseeLieu) {

  /** The fields of a proposal; each channel gives them its own names. */
  public enum Champ { DATE_ACCEPTATION, DATE_DEBUT, DATE_FIN, COUT_FORMATION, CODE_INSEE_LIEU }

  /** A field at fault and why, to complete « Le champ « x » … ». */
  public record Refus(Champ champ, String motif) {
  }

  /** The proposal when every field holds, else the refusals of all fields at fault. */
  public record Lecture(PropositionOrganisme proposition, List<Refus> refus) {
  }

  /**
   * The organisme accepted, on a day not after today; the session starts on or
   * after that day and ends on or after its start. saisie gives the raw value of a
   * field (a text, or a BigDecimal for a JSON number), null when absent.
   */
  public static Lecture proposee(Function<Champ, Object> saisie, LocalDate aujourdhui) {
    List<Refus> refus = new ArrayList<>();
    LocalDate acceptation = lire(refus, Champ.DATE_ACCEPTATION,
        () -> Jour.passeOuDuJour(texte(saisie.apply(Champ.DATE_ACCEPTATION)), aujourdhui));
    return session(saisie, refus, acceptation, acceptation, "ne peut pas précéder la date d'acceptation");
  }

  /** The session chosen with the élu, not yet accepted: it has not started today. */
  public static Lecture choisie(Function<Champ, Object> saisie, LocalDate aujourdhui) {
    return session(saisie, new ArrayList<>(), null, aujourdhui, "ne peut pas être une date passée : la session a déjà commencé");
  }

  private static Lecture session(Function<Champ, Object> saisie, List<Refus> refus, LocalDate acceptation,
      LocalDate debutAuPlusTot, String motifDebut) {
    LocalDate debut = lire(refus, Champ.DATE_DEBUT, () -> Jour.lire(texte(saisie.apply(Champ.DATE_DEBUT))));
    LocalDate fin = lire(refus, Champ.DATE_FIN, () -> Jour.lire(texte(saisie.apply(Champ.DATE_FIN))));
    BigDecimal cout = lire(refus, Champ.COUT_FORMATION, () -> Montant.lire(saisie.apply(Champ.COUT_FORMATION)));
    String lieu = lire(refus, Champ.CODE_INSEE_LIEU, () -> CodeInsee.lire(texte(saisie.apply(Champ.CODE_INSEE_LIEU))));
    if (debutAuPlusTot != null && debut != null && debut.isBefore(debutAuPlusTot)) {
      refus.add(new Refus(Champ.DATE_DEBUT, motifDebut));
    }
    if (debut != null && fin != null && fin.isBefore(debut)) {
      refus.add(new Refus(Champ.DATE_FIN, "ne peut pas précéder la date de début"));
    }
    return refus.isEmpty() ? new Lecture(new PropositionOrganisme(acceptation, debut, fin, cout, lieu), List.of())
        : new Lecture(null, List.copyOf(refus));
  }

  private static String texte(Object valeur) {
    return valeur == null ? null : valeur.toString();
  }

  private interface Lecteur<T> {
    T lire();
  }

  private static <T> T lire(List<Refus> refus, Champ champ, Lecteur<T> lecteur) {
    try {
      return lecteur.lire();
    } catch (SaisieRefusee e) {
      refus.add(new Refus(champ, e.motif()));
      return null;
    }
  }
}
