package fr.elus.dife.notification;

import fr.elus.dife.notification.JournalCourriels.CourrielAEnvoyer;
import fr.elus.dife.notification.JournalCourriels.CourrielEnvoye;
import fr.elus.dife.notification.ModelesCourriel.Courriel;
import fr.elus.dife.regles.Jour;
import fr.elus.dife.securite.AssociationsProperties;
import fr.elus.dife.securite.AssociationsProperties.Association;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes one email of the journey, to be sent once its step has committed. The send
 * task names its template and recipient in input parameters ({@code modeleCourriel},
 * {@code destinataire}: ELU, CDC, COLLECTIVITE…); the email, composed here from the dossier, waits
 * in dife_courriel for its own job ({@link EnvoiCourriels}), which talks to the SMTP
 * server without holding anything of the dossier's process.
 */
@Component("envoyerCourriel")
public class EnvoyerCourrielDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EnvoyerCourrielDelegate.class);

  /**
   * ELU_ET_ASSOCIATION: to the élu, with the association's conseillers in copy; COLLECTIVITE: to the
   * address given at the choice of the training, or, without one, a letter kept in the dossier.
   */
  public enum Destinataire { ELU, CDC, ELU_ET_ASSOCIATION, COLLECTIVITE }

  private final ModelesCourriel modeles;
  private final JournalCourriels journal;
  private final Clock horloge;
  private final String expediteur;
  private final String adresseCdc;
  private final AssociationsProperties associations;
  private final EnvoiCourriels envois;

  public EnvoyerCourrielDelegate(ModelesCourriel modeles, JournalCourriels journal, Clock horloge,
      @Value("${dife.mail.expediteur}") String expediteur, @Value("${dife.cdc.email}") String adresseCdc,
      AssociationsProperties associations, EnvoiCourriels envois) {
    this.envois = envois;
    this.associations = associations;
    this.modeles = modeles;
    this.journal = journal;
    this.horloge = horloge;
    this.expediteur = expediteur;
    this.adresseCdc = adresseCdc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String modele = (String) execution.getVariableLocal("modeleCourriel");
    Destinataire destinataire = Destinataire.valueOf((String) execution.getVariableLocal("destinataire"));
    String cle = cleEnvoi(execution);
    String reference = execution.getProcessBusinessKey();
    Association association = associations.association(execution.getTenantId());
    Courriel rempli = modeles.composer(modele, variablesDuDossier(execution));
    Courriel courriel = new Courriel(rempli.sujet(), rempli.corps() + "\n\n" + signature(association));
    String adresse = switch (destinataire) {
      case CDC -> adresseCdc;
      case COLLECTIVITE -> (String) execution.getVariable("emailCollectivite");
      default -> (String) execution.getVariable("email");
    };
    if (destinataire == Destinataire.COLLECTIVITE) {
      String jour = Jour.enFrancais(LocalDate.now(horloge));
      if (!renseigne(adresse)) {
        // the same text, printed and posted by the conseiller, who says so when recording the answer
        execution.setVariable("courrierCollectivite", "Objet : " + courriel.sujet() + "\n\n" + courriel.corps());
        execution.setVariable("demandeCollectivite", "courrier préparé le " + jour + ", à imprimer et poster");
        LOG.info("Dossier {} : courrier {} à imprimer (pas d'adresse électronique de la collectivité)", reference, modele);
        return;
      }
      execution.setVariable("courrierCollectivite", null);
      execution.setVariable("demandeCollectivite", "courriel du " + jour + " à " + adresse);
    }
    String copie = destinataire == Destinataire.ELU_ET_ASSOCIATION ? associations.email(execution.getTenantId()) : null;
    // the same step writes under the same key and Message-ID: a copy sent again after a crash is
    // recognisable by mail clients and operators
    String messageId = messageId(cle);
    // sent from the installation's own address, which its SMTP relay may send from, under the
    // association's name; answers (the élu's, the CDC's) go to the association's team
    journal.mettreEnAttente(new CourrielAEnvoyer(cle, expediteur, association.nom(),
        renseigne(association.email()) ? association.email() : null, new CourrielEnvoye(reference, adresse, copie,
        modele, courriel.sujet(), courriel.corps(), messageId, horloge.instant())));
    envois.programmer(cle, execution);
    LOG.info("Dossier {} : courriel {} prêt à partir ({}, {})", reference, modele, destinataire, messageId);
  }

  /**
   * The élu's data lives on the dossier's own instance: a called process copies only what
   * its tasks, cards and decisions need, and its emails read the rest there. Its own
   * variables (the reason for an escalation, the pieces asked) come on top.
   */
  private static Map<String, Object> variablesDuDossier(DelegateExecution execution) {
    ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
    if (instance.getSuperExecution() == null) {
      return execution.getVariables();
    }
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    Map<String, Object> variables = new HashMap<>(instance.getVariables());
    variables.putAll(execution.getVariables());
    return variables;
  }

  /** The usual signature delimiter "-- ", then the association's name, address and phone as configured. */
  static String signature(Association association) {
    StringBuilder signature = new StringBuilder("-- \n").append(association.nom());
    if (renseigne(association.adresse())) {
      signature.append('\n').append(association.adresse().strip());
    }
    if (renseigne(association.telephone())) {
      signature.append("\nTél. ").append(association.telephone().strip());
    }
    if (renseigne(association.email())) {
      signature.append('\n').append(association.email().strip());
    }
    return signature.toString();
  }

  private static boolean renseigne(String valeur) {
    return valeur != null && !valeur.isBlank();
  }

  // the job's id is the same at every retry of this send, by the executor or by an operator,
  // and new at every visit of the task
  private static String cleEnvoi(DelegateExecution execution) {
    JobEntity job = Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    return job != null ? "job:" + job.getId() : "activite:" + execution.getActivityInstanceId();
  }

  private String messageId(String cle) {
    String domaine = expediteur.substring(expediteur.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return "<" + cle.replaceAll("[^A-Za-z0-9.-]", ".") + ".dife@" + (domaine.isEmpty() ? "localhost" : domaine) + ">";
  }
}
