package fr.elus.dife.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In the demo setup, an SMTP server inside the application (GreenMail) receives
 * every email of the journey: nothing leaves the machine, nothing piles up as
 * incidents, and each dossier's history lists what was sent.
 */
@Configuration
@Profile("demo")
public class ServeurCourrielDemo {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail serveurCourriel(@Value("${spring.mail.host}") String hote, @Value("${spring.mail.port}") int port) {
    return new GreenMail(new ServerSetup(port, hote, ServerSetup.PROTOCOL_SMTP));
  }
}
