package fr.elus.dife.banc;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latencies and the JVM's CPU, memory and clock, read the same way for the app and for the floor. */
final class Mesures {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  void ajouter(long duree) {
    nanos.add(duree);
  }

  int nombre() {
    return nanos.size();
  }

  /** The q-quantile (0.5, 0.95) in milliseconds, nearest rank. */
  double quantileMs(double q) {
    List<Long> tries;
    synchronized (nanos) {
      tries = new ArrayList<>(nanos);
    }
    if (tries.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(tries);
    int rang = (int) Math.ceil(q * tries.size()) - 1;
    return tries.get(Math.max(0, Math.min(rang, tries.size() - 1))) / 1e6;
  }

  String p50p95() {
    return ms(quantileMs(0.5)) + " / " + ms(quantileMs(0.95));
  }

  static String ms(double valeur) {
    return String.format(Locale.FRANCE, valeur < 10 ? "%.2f ms" : "%.0f ms", valeur);
  }

  /** CPU time of the whole JVM, all threads (H2's writer and the job executor included). */
  static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU time of the calling thread only: the journey's own work, without JIT, GC nor other threads. */
  static long cpuDuFilNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** Milliseconds the JIT compilers and the garbage collectors have spent since the JVM started. */
  static long compilationEtGcMs() {
    long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(collecteur -> Math.max(0, collecteur.getCollectionTime())).sum();
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() + gc;
  }

  /** Bytes this JVM sent to the disk (Linux /proc/self/io write_bytes), 0 where unknown. */
  static long octetsEcritsSurDisque() {
    try {
      for (String ligne : Files.readAllLines(Path.of("/proc/self/io"))) {
        if (ligne.startsWith("write_bytes:")) {
          return Long.parseLong(ligne.substring("write_bytes:".length()).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Heap still in use after full collections: what the live data needs. */
  static long tasVivant() {
    MemoryMXBean memoire = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memoire.getHeapMemoryUsage().getUsed();
  }

  static long tasMax() {
    return Runtime.getRuntime().maxMemory();
  }

  static String mio(long octets) {
    return String.format(Locale.FRANCE, "%.0f Mio", octets / 1024.0 / 1024.0);
  }

  static String kio(double octets) {
    return String.format(Locale.FRANCE, "%.1f Kio", octets / 1024.0);
  }
}
