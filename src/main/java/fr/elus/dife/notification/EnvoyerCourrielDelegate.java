package fr.elus.dife.notification;

import fr.elus.dife.notification.JournalCourriels.CourrielEnvoye;
import fr.elus.dife.notification.ModelesCourriel.Courriel;
import fr.elus.dife.securite.AssociationsProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one email of the journey over SMTP. The send task names its template and
 * recipient in input parameters ({@code modeleCourriel}, {@code destinataire}: ELU
 * or CDC) and is asynchronous: an SMTP failure fails the job, which the engine
 * retries and finally shows as an incident in Cockpit.
 */
@Component("envoyerCourriel")
public class EnvoyerCourrielDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EnvoyerCourrielDelegate.class);

  /** ELU_ET_ASSOCIATION: to the élu, with the association's conseillers in copy. */
  public enum Destinataire { ELU, CDC, ELU_ET_ASSOCIATION }

  private final JavaMailSender smtp;
  private final ModelesCourriel modeles;
  private final JournalCourriels journal;
  private final Clock horloge;
  private final String expediteur;
  private final String adresseCdc;
  private final AssociationsProperties associations;

  public EnvoyerCourrielDelegate(JavaMailSender smtp, ModelesCourriel modeles, JournalCourriels journal, Clock horloge,
      @Value("${dife.mail.expediteur}") String expediteur, @Value("${dife.cdc.email}") String adresseCdc,
      AssociationsProperties associations) {
    this.associations = associations;
    this.smtp = smtp;
    this.modeles = modeles;
    this.journal = journal;
    this.horloge = horloge;
    this.expediteur = expediteur;
    this.adresseCdc = adresseCdc;
  }

  @Override
  public void execute(DelegateExecution execution) throws MessagingException {
    String modele = (String) execution.getVariableLocal("modeleCourriel");
    Destinataire destinataire = Destinataire.valueOf((String) execution.getVariableLocal("destinataire"));
    String cle = cleEnvoi(execution);
    String reference = execution.getProcessBusinessKey();
    if (journal.dejaEnvoye(cle)) {
      LOG.info("Dossier {} : courriel {} déjà envoyé ({}), pas de second envoi", reference, modele, cle);
      return;
    }
    Courriel courriel = modeles.composer(modele, execution.getVariables());
    String adresse = destinataire == Destinataire.CDC ? adresseCdc : (String) execution.getVariable("email");

    MimeMessage message = smtp.createMimeMessage();
    MimeMessageHelper redaction = new MimeMessageHelper(message, "UTF-8");
    redaction.setFrom(expediteur);
    redaction.setTo(adresse);
    if (destinataire == Destinataire.ELU_ET_ASSOCIATION) {
      redaction.setCc(associations.email(execution.getTenantId()));
    }
    redaction.setSubject(courriel.sujet());
    redaction.setText(courriel.corps());
    // a stable id lets mail clients drop a copy should a crash make the job send twice
    message.setHeader("X-Dife-Envoi", cle);
    smtp.send(message);

    journal.enregistrer(cle, new CourrielEnvoye(reference, adresse, modele, courriel.sujet(), horloge.instant()));
    LOG.info("Dossier {} : courriel {} envoyé ({})", reference, modele, destinataire);
  }

  // the job's id is the same at every retry of this send, and new at every visit of the task
  private static String cleEnvoi(DelegateExecution execution) {
    JobExecutorContext contexte = Context.getJobExecutorContext();
    if (contexte != null && contexte.getCurrentJob() != null) {
      return "job:" + contexte.getCurrentJob().getId();
    }
    return "activite:" + execution.getActivityInstanceId();
  }
}
