package fr.elus.dife.indicateurs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One export format, written row after row straight to the answer: nothing holds
 * more than the rows of one batch. Cells are strings, instants or amounts.
 */
interface FormatExport extends AutoCloseable {

  void ligne(List<?> valeurs) throws IOException;

  /** Pushes what is written so far to the client. */
  void vider() throws IOException;

  @Override
  void close() throws IOException;

  /** As Excel opens it in France: ";" between fields, a decimal comma, a BOM so that accents survive. */
  final class Csv implements FormatExport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private final Writer sortie;
    private final DecimalFormat montant = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));

    Csv(OutputStream flux) throws IOException {
      sortie = new OutputStreamWriter(flux, StandardCharsets.UTF_8);
      sortie.write('\ufeff');
    }

    @Override
    public void ligne(List<?> valeurs) throws IOException {
      for (int i = 0; i < valeurs.size(); i++) {
        if (i > 0) {
          sortie.write(';');
        }
        sortie.write(texte(valeurs.get(i)));
      }
      sortie.write("\r\n");
    }

    private String texte(Object valeur) {
      if (valeur == null) {
        return "";
      }
      if (valeur instanceof Instant instant) {
        return DATE.format(instant.atZone(Perimetre.PARIS));
      }
      if (valeur instanceof BigDecimal nombre) {
        return montant.format(nombre);
      }
      String texte = valeur.toString();
      return texte.contains(";") || texte.contains("\"") || texte.contains("\n")
          ? '"' + texte.replace("\"", "\"\"") + '"' : texte;
    }

    @Override
    public void vider() throws IOException {
      sortie.flush();
    }

    @Override
    public void close() throws IOException {
      sortie.flush();
    }
  }

  /** Real dates and numbers, in the French formats, the header row frozen. */
  final class Xlsx implements FormatExport {

    private static final String FORMAT_DATE = "dd/mm/yyyy hh:mm";
    private static final String FORMAT_MONTANT = "#,##0.00\\ [$€-40C]";
    private final Workbook classeur;
    private final Worksheet feuille;
    private int rang;

    Xlsx(OutputStream flux) {
      classeur = new Workbook(flux, "DIFE", "1.0");
      feuille = classeur.newWorksheet("Dossiers");
      feuille.freezePane(0, 1);
    }

    @Override
    public void ligne(List<?> valeurs) {
      for (int colonne = 0; colonne < valeurs.size(); colonne++) {
        Object valeur = valeurs.get(colonne);
        if (valeur instanceof Instant instant) {
          feuille.value(rang, colonne, LocalDateTime.ofInstant(instant, Perimetre.PARIS));
          feuille.style(rang, colonne).format(FORMAT_DATE).set();
        } else if (valeur instanceof BigDecimal nombre) {
          feuille.value(rang, colonne, nombre);
          feuille.style(rang, colonne).format(FORMAT_MONTANT).set();
        } else if (valeur != null) {
          feuille.value(rang, colonne, valeur.toString());
          if (rang == 0) {
            feuille.style(rang, colonne).bold().set();
          }
        }
      }
      rang++;
    }

    @Override
    public void vider() throws IOException {
      feuille.flush();
    }

    @Override
    public void close() throws IOException {
      feuille.finish();
      classeur.finish();
    }
  }
}
