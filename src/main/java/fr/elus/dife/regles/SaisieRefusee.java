package fr.elus.dife.regles;

/**
 * A value that a rule refuses. The motif completes « Le champ « x » … » (for
 * example "doit être une date au format AAAA-MM-JJ"): each channel (API, form,
 * query parameter) names its own field and adds nothing else, so that the wording
 * of a rule lives with the rule.
 */
public class SaisieRefusee extends IllegalArgumentException {

  private final String motif;

  public SaisieRefusee(String motif) {
    super(motif);
    this.motif = motif;
  }

  public String motif() {
    return motif;
  }

  /** The sentence for a person, for the field as its channel names it. */
  public String pourLeChamp(String champ) {
    return "Le champ « " + champ + " » " + motif + ".";
  }
}
