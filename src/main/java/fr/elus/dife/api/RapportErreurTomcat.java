package fr.elus.dife.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them (an undecodable
 * path, a bad character): its error page becomes the project's French JSON.
 */
@Component
public class RapportErreurTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory usine) {
    usine.addContextCustomizers(contexte -> {
      if (contexte.getParent() instanceof org.apache.catalina.core.StandardHost hote) {
        hote.setErrorReportValveClass(RapportJson.class.getName());
      }
    });
  }

  /** Tomcat's error report, in JSON. */
  public static class RapportJson extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request requete, Response reponse, Throwable erreur) {
      int statut = reponse.getStatus();
      if (statut < 400 || reponse.getContentWritten() > 0 || !reponse.setErrorReported()) {
        return;
      }
      try {
        reponse.setContentType("application/json");
        reponse.setCharacterEncoding("UTF-8");
        reponse.getOutputStream().write(JSON.writeValueAsString(PageErreur.corps(statut))
            .getBytes(StandardCharsets.UTF_8));
        reponse.finishResponse();
      } catch (IOException | IllegalStateException dejaFerme) {
        // the client is gone or the answer already started: nothing more to say
      }
    }
  }
}
