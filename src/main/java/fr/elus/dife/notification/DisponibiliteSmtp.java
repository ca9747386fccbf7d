package fr.elus.dife.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP server answers. After a failed send, the next sends fail at once
 * (their jobs are retried later, as for any SMTP failure) until one probe, after
 * {@code dife.mail.pause-apres-echec}, gets through: a server that accepts and never
 * answers then holds one job thread per pause instead of all of them. Shown in the
 * health group "courriel" (/actuator/health/courriel, 503 during an outage); the
 * main health stays UP, since openings, events and tasks do not need the server.
 */
@Component("smtpHealthIndicator")
public class DisponibiliteSmtp implements HealthIndicator {

  /** Not part of the main health's order, so that an outage leaves it UP. */
  public static final Status PANNE = new Status("PANNE", "Serveur SMTP injoignable : les courriels attendent");
  private static final Logger LOG = LoggerFactory.getLogger(DisponibiliteSmtp.class);

  private final Duration pause;
  private final Semaphore envoisSimultanes;
  private final Duration attenteTour;
  private final Duration envoiLent;
  private final Map<Thread, Long> envoisEnCours = new ConcurrentHashMap<>();
  private final AtomicBoolean sondeEnCours = new AtomicBoolean();
  private volatile Instant dernierEchec;
  private volatile Instant panneDepuis;

  public DisponibiliteSmtp(@Value("${dife.mail.pause-apres-echec:PT30S}") Duration pause,
      @Value("${dife.mail.envois-simultanes:1}") int envoisSimultanes,
      @Value("${dife.mail.attente-tour:PT30S}") Duration attenteTour,
      @Value("${dife.mail.envoi-lent:PT2S}") Duration envoiLent) {
    this.pause = pause;
    this.envoisSimultanes = new Semaphore(envoisSimultanes);
    this.attenteTour = attenteTour;
    this.envoiLent = envoiLent;
  }

  /**
   * Runs the send, or throws at once while the server is known to be down (except
   * for the one send that probes it). At most {@code dife.mail.envois-simultanes}
   * sends talk to the server; the others wait their turn while the sends under way
   * progress, and give up as soon as one of these has lasted {@code dife.mail.envoi-lent}
   * (a hung server): it then holds a few job threads, never all of them, and a slow
   * but working server still gets every email at once.
   */
  public void envoyer(Runnable envoi) {
    verifierDisjoncteur();
    attendreSonTour();
    envoisEnCours.put(Thread.currentThread(), System.nanoTime());
    try {
      envoi.run();
    } catch (MailSendException | MailAuthenticationException panne) {
      echoue(panne);
      throw panne;
    } finally {
      envoisEnCours.remove(Thread.currentThread());
      envoisSimultanes.release();
    }
    reussi();
  }

  private void attendreSonTour() {
    long limite = System.nanoTime() + attenteTour.toNanos();
    try {
      while (!envoisSimultanes.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        long plusAncien = envoisEnCours.values().stream().mapToLong(Long::longValue).min().orElse(System.nanoTime());
        if (System.nanoTime() - plusAncien > envoiLent.toNanos() || System.nanoTime() > limite) {
          throw new MailSendException("Serveur SMTP bloqué par les envois en cours : envoi reporté à la prochaine "
              + "tentative");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailSendException("Envoi interrompu", e);
    }
  }

  private void verifierDisjoncteur() {
    Instant echec = dernierEchec;
    if (echec == null) {
      return;
    }
    if (Instant.now().isBefore(echec.plus(pause)) || !sondeEnCours.compareAndSet(false, true)) {
      throw new MailSendException("Serveur SMTP indisponible depuis " + panneDepuis
          + " : envoi reporté à la prochaine tentative");
    }
  }

  private void reussi() {
    if (panneDepuis != null) {
      LOG.info("Serveur SMTP de nouveau joignable (en panne depuis {})", panneDepuis);
    }
    dernierEchec = null;
    panneDepuis = null;
    sondeEnCours.set(false);
  }

  private void echoue(RuntimeException erreur) {
    Instant maintenant = Instant.now();
    if (panneDepuis == null) {
      panneDepuis = maintenant;
      LOG.warn("Serveur SMTP injoignable : les envois sont reportés ({})", erreur.getMessage());
    }
    dernierEchec = maintenant;
    sondeEnCours.set(false);
  }

  @Override
  public Health health() {
    return panneDepuis == null ? Health.up().build() : Health.status(PANNE).build();
  }
}
