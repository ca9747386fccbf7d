package fr.elus.dife.parcours;

import fr.elus.dife.regles.CalendrierOuvre;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moments written as French wall-clock time, for due dates and for the engine's clock. */
final class HeureDeParis {

  private static final ZoneId PARIS = CalendrierOuvre.FUSEAU;

  private HeureDeParis() {
  }

  static Date paris(String moment) {
    return Date.from(LocalDateTime.parse(moment).atZone(PARIS).toInstant());
  }

  static void maintenant(String moment) {
    ClockUtil.setCurrentTime(paris(moment));
  }
}
