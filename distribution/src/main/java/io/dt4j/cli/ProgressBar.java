package io.dt4j.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A kubo-style (pb/v3) progress line on stderr, {@code counters [bar] speed percent ETA}, redrawn
 * in place with {@code \r} at most every {@link #REDRAW_NANOS}. Before the total is known it shows
 * the counter and speed only, with {@code ETA ?} (CLI-CONVENTIONS.md §3 and §5 item 12). A disabled
 * bar ({@link #shown} false) counts but prints nothing. Not thread-safe: one command, one thread.
 */
final class ProgressBar {
  /** Width of the bar between the brackets. */
  static final int BAR_WIDTH = 30;

  private static final long REDRAW_NANOS = 200_000_000L;
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private final LongSupplier clock;
  private final long start;
  private long done;
  private long lastDraw;
  private int lastWidth;

  ProgressBar(PrintWriter err, long total, boolean enabled, LongSupplier clock) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  /**
   * A bar on {@code err} for {@code total} bytes ({@code -1} if unknown), drawn only when stderr is
   * a terminal and the user did not pass {@code --progress=false}.
   */
  static ProgressBar of(PrintWriter err, long total, Boolean option) {
    return new ProgressBar(err, total, shown(option), System::nanoTime);
  }

  /** Whether to draw: never with {@code --progress=false}, otherwise only if stderr is a TTY. */
  static boolean shown(Boolean option) {
    return !Boolean.FALSE.equals(option) && Terminal.stderrIsTerminal();
  }

  /** Counts {@code n} more bytes and redraws if it is time. */
  void advance(long n) {
    done += n;
    long now = clock.getAsLong();
    if (enabled && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(now);
    }
  }

  /** The bytes counted so far. */
  long done() {
    return done;
  }

  /** Seconds since the bar was made. */
  double elapsedSeconds() {
    return (clock.getAsLong() - start) / 1e9;
  }

  /** Draws the final state and ends the line, then prints a summary line (only when shown). */
  void finish(String summary) {
    if (enabled) {
      draw(clock.getAsLong());
      err.println();
      err.println(summary);
      err.flush();
    }
  }

  /** Ends the line after a failure so the error starts on a fresh line (only when shown). */
  void abandon() {
    if (enabled) {
      err.println();
      err.flush();
    }
  }

  private void draw(long now) {
    double seconds = (now - start) / 1e9;
    String line = format(done, total, seconds > 0 ? done / seconds : -1);
    String pad = " ".repeat(Math.max(0, lastWidth - line.length()));
    lastWidth = line.length();
    err.print("\r" + line + pad);
    err.flush();
  }

  /** An input stream that counts what is read through it on this bar. */
  InputStream track(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          advance(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          advance(n);
        }
        return n;
      }
    };
  }

  /** An output stream that counts what is written through it on this bar. */
  OutputStream track(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        advance(1);
      }

      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        advance(length);
      }
    };
  }

  /**
   * The progress line, e.g. {@code 12.30 MiB / 100.00 MiB [========>---------------------] 4.50
   * MiB/s 12.30% ETA 20s}; without a total ({@code total < 0}) {@code 12.30 MiB 4.50 MiB/s ETA ?}.
   * A negative rate means not yet known and prints {@code ?/s}.
   */
  static String format(long done, long total, double bytesPerSecond) {
    String speed = bytesPerSecond < 0 ? "?/s" : bytes((long) bytesPerSecond) + "/s";
    if (total < 0) {
      return bytes(done) + " " + speed + " ETA ?";
    }
    double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    String eta;
    if (done >= total) {
      eta = "0s";
    } else if (bytesPerSecond <= 0) {
      eta = "?";
    } else {
      eta = duration((long) Math.ceil((total - done) / bytesPerSecond));
    }
    return String.format(
        Locale.ROOT,
        "%s / %s %s %s %.2f%% ETA %s",
        bytes(done),
        bytes(total),
        bar(fraction),
        speed,
        fraction * 100,
        eta);
  }

  /** {@code [=====>------]}: '=' for done, '>' at the head, '-' for what remains. */
  static String bar(double fraction) {
    int filled = (int) Math.floor(fraction * BAR_WIDTH);
    StringBuilder bar = new StringBuilder(BAR_WIDTH + 2).append('[');
    bar.append("=".repeat(filled));
    if (filled < BAR_WIDTH) {
      bar.append('>').append("-".repeat(BAR_WIDTH - filled - 1));
    }
    return bar.append(']').toString();
  }

  /** Binary units with two decimals: {@code 512 B}, {@code 1.50 KiB}, {@code 4.00 GiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    double value = n;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f %s", value, UNITS[unit]);
  }

  /** {@code 45s}, {@code 2m05s}, {@code 1h02m}. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }
}
