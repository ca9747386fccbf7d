package fr.elus.dife.parcours;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks what the conseiller recorded about the account creation (the form's own
 * validation does not protect /engine-rest) and marks the account as existing.
 */
@Component("enregistrerCreationCompte")
public class EnregistrerCreationCompteListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(EnregistrerCreationCompteListener.class);
  private static final Set<String> MODES = Set.of("QUATRE_ETAPES", "FRANCECONNECT");

  private final Clock horloge;

  public EnregistrerCreationCompteListener(Clock horloge) {
    this.horloge = horloge;
  }

  @Override
  public void notify(DelegateTask tache) {
    Object mode = tache.getVariable("modeCreationCompte");
    if (mode == null || !MODES.contains(mode.toString())) {
      throw new NotValidException("Champ « modeCreationCompte » : choisissez QUATRE_ETAPES ou FRANCECONNECT.");
    }
    LocalDate date = dateCreation(tache.getVariable("dateCreationCompte"));
    if (date.isAfter(LocalDate.now(horloge))) {
      throw new NotValidException("Champ « dateCreationCompte » : la date de création ne peut pas être dans le futur.");
    }
    tache.setVariable("compteFormation", true);
    LOG.info("Dossier {} : compte Mon Compte Formation créé le {} ({})",
        tache.getExecution().getProcessBusinessKey(), date, mode);
  }

  private static LocalDate dateCreation(Object valeur) {
    if (valeur == null || valeur.toString().isBlank()) {
      throw new NotValidException("Champ « dateCreationCompte » : la date de création du compte est obligatoire.");
    }
    try {
      return LocalDate.parse(valeur.toString());
    } catch (DateTimeParseException e) {
      throw new NotValidException("Champ « dateCreationCompte » : date attendue au format AAAA-MM-JJ.");
    }
  }
}
