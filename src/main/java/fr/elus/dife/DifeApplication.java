package fr.elus.dife;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DifeApplication {

  static {
    // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan of every jar
    // on each message written, unless this property names it: 2.5 % of the job threads'
    // CPU during a drain of email jobs (issue 13, JFR)
    if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(DifeApplication.class, args);
  }
}
