package fr.elus.dife.notification;

import fr.elus.dife.notification.JournalCourriels.CourrielAEnvoyer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The job that sends an email written by its step (the outbox drained by the job
 * executor). Its transaction holds only the email's row: it never waits for the
 * dossier's locks nor fails after the send on a conflict with the dossier's other
 * work, and a kill -9 between the server's acceptance and the commit resends that
 * one email, under the same Message-ID. An SMTP failure is retried
 * {@code dife.mail.essais} times, {@code dife.mail.pause-entre-essais} apart, then
 * stays an incident on the send task in Cockpit, retried by an operator.
 */
@Component
public class EnvoiCourriels extends AbstractProcessEnginePlugin {

  public static final String TYPE = "dife-envoi-courriel";
  private static final Logger LOG = LoggerFactory.getLogger(EnvoiCourriels.class);

  // the plugin is built before the engine; these beans are only needed when a job runs
  private final ObjectProvider<JournalCourriels> journal;
  private final ObjectProvider<JavaMailSender> smtp;
  private final ObjectProvider<DisponibiliteSmtp> disponibilite;
  private final ObjectProvider<CompteursCourriels> compteurs;
  private final Clock horloge;
  private final int essais;
  private final Duration pause;

  public EnvoiCourriels(ObjectProvider<JournalCourriels> journal, ObjectProvider<JavaMailSender> smtp,
      ObjectProvider<DisponibiliteSmtp> disponibilite, ObjectProvider<CompteursCourriels> compteurs, Clock horloge,
      @Value("${dife.mail.essais:5}") int essais, @Value("${dife.mail.pause-entre-essais:PT10M}") Duration pause) {
    this.compteurs = compteurs;
    this.journal = journal;
    this.smtp = smtp;
    this.disponibilite = disponibilite;
    this.horloge = horloge;
    this.essais = essais;
    this.pause = pause;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> gestionnaires = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    gestionnaires.add(new Gestionnaire());
    configuration.setCustomJobHandlers(gestionnaires);
    List<IncidentHandler> incidents = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    incidents.add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
      @Override
      public Incident handleIncident(IncidentContext contexte, String message) {
        // a job without execution gives its incident no activity: Cockpit shows it on the send task
        if (contexte.getActivityId() == null && contexte.getConfiguration() != null) {
          JobEntity job = Context.getCommandContext().getJobManager().findJobById(contexte.getConfiguration());
          if (job != null && TYPE.equals(job.getJobHandlerType())) {
            String activite = Cle.de(job.getJobHandlerConfigurationRaw()).activite();
            contexte.setActivityId(activite);
            contexte.setFailedActivityId(activite);
          }
        }
        return super.handleIncident(contexte, message);
      }
    });
    configuration.setCustomIncidentHandlers(incidents);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's retry cycles belong to activities; this job has none of its own
    FailedJobCommandFactory parDefaut = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, erreur) -> new DefaultJobRetryCmd(jobId, erreur) {
      @Override
      public Object execute(CommandContext contexte) {
        JobEntity job = getJob();
        if (job == null || !TYPE.equals(job.getJobHandlerType())) {
          return parDefaut.getCommand(jobId, erreur).execute(contexte);
        }
        compteurs.getObject().echoue();
        job.unlock();
        logException(job);
        job.setDuedate(Date.from(horloge.instant().plus(pause)));
        decrementRetries(job);
        notifyAcquisition(contexte);
        return null;
      }
    });
  }

  /** Called by the send task, in its step's transaction: the job exists once the step has committed. */
  void programmer(String cle, DelegateExecution execution) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfiguration(new Cle(execution.getCurrentActivityId(), cle));
    job.setExclusive(false);
    job.setRetries(essais);
    // shown on the send task of its process in Cockpit, but not tied to an execution: the process may
    // go on or end before the email leaves, and the email still goes
    job.setProcessInstanceId(execution.getProcessInstanceId());
    job.setProcessDefinitionId(execution.getProcessDefinitionId());
    job.setProcessDefinitionKey(((ExecutionEntity) execution).getProcessDefinition().getKey());
    job.setDeploymentId(((ExecutionEntity) execution).getProcessDefinition().getDeploymentId());
    job.setTenantId(execution.getTenantId());
    Context.getCommandContext().getJobManager().send(job);
  }

  private void envoyer(String cle) {
    CourrielAEnvoyer aEnvoyer = journal.getObject().aEnvoyer(cle).orElse(null);
    if (aEnvoyer == null) {
      LOG.info("Courriel {} déjà parti : rien à renvoyer", cle);
      return;
    }
    MimeMessage message = smtp.getObject().createMimeMessage();
    try {
      MimeMessageHelper redaction = new MimeMessageHelper(message, "UTF-8");
      if (aEnvoyer.expediteurNom() == null) {
        redaction.setFrom(aEnvoyer.expediteur());
      } else {
        redaction.setFrom(aEnvoyer.expediteur(), aEnvoyer.expediteurNom());
      }
      if (aEnvoyer.repondreA() != null) {
        redaction.setReplyTo(aEnvoyer.repondreA());
      }
      redaction.setTo(aEnvoyer.courriel().destinataire());
      if (aEnvoyer.courriel().copie() != null) {
        redaction.setCc(aEnvoyer.courriel().copie());
      }
      redaction.setSubject(aEnvoyer.courriel().sujet());
      redaction.setText(aEnvoyer.courriel().corps());
      // kept by JavaMailSenderImpl: the same on any resend of this email
      message.setHeader("Message-ID", aEnvoyer.courriel().messageId());
      message.setHeader("X-Dife-Envoi", cle);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Courriel " + cle + " impossible à rédiger", e);
    }
    disponibilite.getObject().envoyer(() -> smtp.getObject().send(message));
    journal.getObject().marquerEnvoye(cle, horloge.instant());
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, contexte -> compteurs.getObject().envoye());
    LOG.info("Dossier {} : courriel {} envoyé à {} ({})", aEnvoyer.courriel().reference(),
        aEnvoyer.courriel().modele(), aEnvoyer.courriel().destinataire(), aEnvoyer.courriel().messageId());
  }

  /** The email's key, and its send task: a job keeps no activity of its own without a job definition. */
  record Cle(String activite, String valeur) implements JobHandlerConfiguration {
    static Cle de(String canonique) {
      int separateur = canonique.indexOf('|');
      return new Cle(canonique.substring(0, separateur), canonique.substring(separateur + 1));
    }

    @Override
    public String toCanonicalString() {
      return activite + "|" + valeur;
    }
  }

  private final class Gestionnaire implements JobHandler<Cle> {
    @Override
    public String getType() {
      return TYPE;
    }

    @Override
    public void execute(Cle cle, ExecutionEntity execution, CommandContext contexte, String tenantId) {
      envoyer(cle.valeur());
    }

    @Override
    public Cle newConfiguration(String canonique) {
      return Cle.de(canonique);
    }

    @Override
    public void onDelete(Cle cle, JobEntity job) {
      // the email's row stays: it tells what was not sent
    }
  }
}
