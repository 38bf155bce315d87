package io.dt4j.cli;

import io.dt4j.demo.DemoListener;
import io.dt4j.demo.DemoStep;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code dt4j demo} shows on stderr while it runs: a line per step, then its progress: on a
 * terminal a progress bar (bytes, rate, ETA); otherwise, for the transfer, a plain line at each
 * quarter; and a line when the step is done. Quiet shows nothing.
 */
final class DemoConsole implements DemoListener {
  private static final int STEPS = DemoStep.values().length;
  private static final int PLAIN_LINES = 4;

  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private final String transferLine;
  private ProgressBar bar;
  private long total;
  private int plainLinesShown;

  /**
   * @param err where to write
   * @param quiet show nothing
   * @param terminal whether {@code err} is a terminal (bars redrawn in place)
   * @param transferLine what the transfer step does, e.g. {@code node B pulls ...}
   */
  DemoConsole(PrintWriter err, boolean quiet, boolean terminal, String transferLine) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
    this.transferLine = transferLine;
  }

  @Override
  public void started(DemoStep step, long totalBytes) {
    total = totalBytes;
    plainLinesShown = 0;
    bar = new ProgressBar(err, totalBytes, terminal && !quiet, System::nanoTime);
    line(String.format(Locale.ROOT, "[%d/%d] %s", step.ordinal() + 1, STEPS, title(step)));
  }

  private String title(DemoStep step) {
    return switch (step) {
      case GENERATE -> "write " + ProgressBar.bytes(total) + " of pseudo-random bytes";
      case IMPORT -> "import them on node A as UnixFS (kubo's defaults)";
      case TRANSFER -> transferLine;
      case VERIFY -> "export the file on node B and compare its SHA-256 with the source's";
    };
  }

  @Override
  public InputStream track(InputStream in) {
    return bar.track(in);
  }

  @Override
  public OutputStream track(OutputStream out) {
    return bar.track(out);
  }

  @Override
  public void transferred(long bytes) {
    bar.advance(Math.max(0, bytes - bar.done()));
    if (!terminal && total > 0) {
      while (plainLinesShown < PLAIN_LINES
          && bar.done() * PLAIN_LINES >= total * (plainLinesShown + 1)) {
        plainLinesShown++;
        double seconds = bar.elapsedSeconds();
        line(
            "      "
                + ProgressBar.format(bar.done(), total, seconds > 0 ? bar.done() / seconds : -1));
      }
    }
  }

  @Override
  public void finished(DemoStep step) {
    double seconds = bar.elapsedSeconds();
    String done =
        String.format(
            Locale.ROOT,
            "      done: %s in %.2fs (%s/s)",
            ProgressBar.bytes(bar.done()),
            seconds,
            ProgressBar.bytes(seconds > 0 ? (long) (bar.done() / seconds) : 0));
    if (terminal && !quiet) {
      bar.finish(done);
    } else {
      line(done);
    }
  }

  private void line(String text) {
    if (!quiet) {
      err.println(text);
      err.flush();
    }
  }
}
