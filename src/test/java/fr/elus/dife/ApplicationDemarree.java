package fr.elus.dife;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, in the demo setup, on a fresh H2 file
 * database under target/. Every test class uses exactly this, so Spring starts
 * it once for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DifeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:file:./target/h2-tests/dife-${random.uuid};DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256",
        "logging.file.name=target/test-logs/dife.log",
        // -Ddife.test.port-smtp=… lets two checkouts run their suites side by side
        "spring.mail.port=${dife.test.port-smtp:" + ApplicationDemarree.PORT_SMTP + "}",
        // the tests make their own dossiers; DonneesDemoTest starts the demo data itself
        "dife.demo.donnees=false",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        // ServeurSmtpMuetTest waits for the probe after an outage
        "dife.mail.pause-apres-echec=PT2S",
        // as behind a reverse proxy: FreinMotsDePasseTest plays clients at several addresses
        "server.forward-headers-strategy=native"})
@ActiveProfiles("demo")
// Boot's tests turn metrics export off; /actuator/prometheus is part of what is tested
@AutoConfigureObservability(tracing = false)
public @interface ApplicationDemarree {

  /** Where GreenMail listens during the tests, unless -Ddife.test.port-smtp says otherwise. */
  int PORT_SMTP = 3925;
}
