package fr.elus.dife.notification;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
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
    return new ServeurSansDelaiDeNagle(new ServerSetup(port, hote, ServerSetup.PROTOCOL_SMTP));
  }

  /**
   * GreenMail answers EHLO in two writes, the second held by Nagle's algorithm until the
   * client acknowledges the first, which Linux delays by 40 ms: measured with JFR in the
   * bench (bench/run, part d), 501 of 502 sends waited 42 ms each on EHLO, and sends pass
   * one at a time (dife.mail.envois-simultanes). A relay such as Postfix answers in one write.
   */
  static final class ServeurSansDelaiDeNagle extends GreenMail {
    ServeurSansDelaiDeNagle(ServerSetup smtp) {
      super(smtp);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] serveurs, Managers boites) {
      // GreenMail's own services (its checks, any other protocol), with the SMTP one replaced
      Map<String, AbstractServer> services = super.createServices(serveurs, boites);
      for (ServerSetup serveur : serveurs) {
        if (ServerSetup.PROTOCOL_SMTP.equals(serveur.getProtocol())) {
          services.put(serveur.getProtocol(), new SmtpServer(serveur, boites) {
            @Override
            protected ProtocolHandler createProtocolHandler(Socket client) {
              try {
                client.setTcpNoDelay(true);
              } catch (SocketException e) {
                throw new UncheckedIOException(e);
              }
              return super.createProtocolHandler(client);
            }
          });
        }
      }
      return services;
    }
  }
}
