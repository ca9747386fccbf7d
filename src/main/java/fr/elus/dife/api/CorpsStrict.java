package fr.elus.dife.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body of /api is read whole, within {@link #TAILLE_MAX}, and must be
 * strict UTF-8: Jackson alone decodes overlong forms (C0 AF as "/") and encoded
 * surrogates, which would reach the dossier as text nobody typed.
 */
public class CorpsStrict extends OncePerRequestFilter {

  /** A dossier opening is about 1 KB; a form with every field, a few. */
  public static final int TAILLE_MAX = 64 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
      throws ServletException, IOException {
    if (requete.getContentLengthLong() == 0 || "GET".equals(requete.getMethod())) {
      suite.doFilter(requete, reponse);
      return;
    }
    if (requete.getContentLengthLong() > TAILLE_MAX) {
      refuser(reponse, 413, "{\"message\":\"Le corps de la requête est trop volumineux (64 Kio au plus).\"}");
      return;
    }
    byte[] corps;
    try (InputStream flux = requete.getInputStream()) {
      corps = flux.readNBytes(TAILLE_MAX + 1);
    }
    if (corps.length > TAILLE_MAX) {
      refuser(reponse, 413, "{\"message\":\"Le corps de la requête est trop volumineux (64 Kio au plus).\"}");
      return;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(corps));
    } catch (CharacterCodingException malForme) {
      refuser(reponse, 400, "{\"erreurs\":[{\"champ\":\"corps\",\"message\":\"Le corps de la requête n'est pas "
          + "de l'UTF-8 valide.\"}]}");
      return;
    }
    suite.doFilter(new CorpsRelu(requete, corps), reponse);
  }

  private static void refuser(HttpServletResponse reponse, int statut, String json) throws IOException {
    reponse.setStatus(statut);
    reponse.setContentType("application/json;charset=UTF-8");
    reponse.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
  }

  private static final class CorpsRelu extends HttpServletRequestWrapper {
    private final byte[] corps;

    CorpsRelu(HttpServletRequest requete, byte[] corps) {
      super(requete);
      this.corps = corps;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream flux = new ByteArrayInputStream(corps);
      return new ServletInputStream() {
        @Override
        public int read() {
          return flux.read();
        }

        @Override
        public int read(byte[] b, int debut, int longueur) {
          return flux.read(b, debut, longueur);
        }

        @Override
        public boolean isFinished() {
          return flux.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener ecouteur) {
          throw new UnsupportedOperationException("lecture synchrone seulement");
        }
      };
    }

    @Override
    public int getContentLength() {
      return corps.length;
    }

    @Override
    public long getContentLengthLong() {
      return corps.length;
    }
  }
}
