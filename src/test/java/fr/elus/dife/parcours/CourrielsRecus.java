package fr.elus.dife.parcours;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What the SMTP server of the tests received, as a reader sees it. */
public final class CourrielsRecus {

  private CourrielsRecus() {
  }

  /** The messages to this address whose subject contains the words. */
  public static List<MimeMessage> a(GreenMail smtp, String adresse, String motsDuSujet) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(adresse))
            && m.getSubject().contains(motsDuSujet);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The decoded text, its lines joined. */
  public static String texte(MimeMessage message) {
    try {
      return message.getContent().toString().replace("\r\n", "\n").replace("\n", " ");
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
