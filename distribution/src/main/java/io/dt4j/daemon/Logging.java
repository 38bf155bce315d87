package io.dt4j.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets log levels and the log format at run time, in go-log's vocabulary (CLI-CONVENTIONS §4 and §5
 * item 6): a level spec is {@code level} or {@code level,subsystem=level,...}, where a subsystem is
 * one of go-data-transfer's names ({@code dt-impl}, {@code dt_graphsync}, {@code dt-chanmon},
 * {@code data_transfer_network}, {@code graphsync}) or a Java logger name; the format is {@code
 * text} (go-log's {@code nocolor} and {@code color} mean the same) or {@code json}, one JSON object
 * per line. Only the distribution binds logback; without it this does nothing.
 */
public final class Logging {
  /** go-log subsystem names and the dt4j loggers they stand for. */
  static final Map<String, String> SUBSYSTEMS =
      Map.of(
          "dt-impl", "io.dt4j.core.manager",
          "dt_graphsync", "io.dt4j.graphsync",
          "graphsync", "io.dt4j.graphsync",
          "dt-chanmon", "io.dt4j.core.monitor",
          "data_transfer_network", "io.dt4j.core.network",
          "libp2p", "io.dt4j.libp2p",
          "dt4j-daemon", "io.dt4j.daemon");

  private static final Map<Appender<ILoggingEvent>, Encoder<ILoggingEvent>> TEXT_ENCODERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Logging() {}

  /**
   * Levels to set.
   *
   * @param root the root level, if the spec names one
   * @param loggers levels by logger name
   */
  public record Levels(Optional<String> root, Map<String, String> loggers) {}

  /**
   * Parses a level spec such as {@code info} or {@code error,dt-impl=debug}.
   *
   * @param spec the spec
   * @return the levels, in logback's names
   * @throws IllegalArgumentException naming the part that is not a level
   */
  public static Levels parse(String spec) {
    Optional<String> root = Optional.empty();
    Map<String, String> loggers = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq < 0) {
        root = Optional.of(level(item));
      } else {
        String name = item.substring(0, eq).strip();
        loggers.put(SUBSYSTEMS.getOrDefault(name, name), level(item.substring(eq + 1)));
      }
    }
    return new Levels(root, loggers);
  }

  /**
   * Checks a format name.
   *
   * @param format {@code text}, {@code nocolor}, {@code color} or {@code json}
   * @return {@code text} or {@code json}
   * @throws IllegalArgumentException for another name
   */
  public static String format(String format) {
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "text", "nocolor", "color" -> "text";
      case "json" -> "json";
      default -> throw new IllegalArgumentException("unknown log format '" + format + "'");
    };
  }

  private static String level(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "trace", "debug", "info", "error", "off" -> name.toUpperCase(Locale.ROOT);
      case "warn", "warning" -> "WARN";
      case "dpanic", "panic", "fatal" -> "ERROR";
      default ->
          throw new IllegalArgumentException(
              "unknown log level '" + text.strip() + "' (trace, debug, info, warn, error, off)");
    };
  }

  /**
   * Applies levels and a format to logback.
   *
   * @param levels the levels
   * @param format {@code text} or {@code json}, or null to keep the current one
   */
  public static void apply(Levels levels, String format) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    levels.root().ifPresent(level -> root.setLevel(Level.toLevel(level)));
    levels
        .loggers()
        .forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
    if (format != null) {
      setFormat(context, root, format(format));
    }
  }

  private static void setFormat(
      LoggerContext context, ch.qos.logback.classic.Logger root, String format) {
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
        Encoder<ILoggingEvent> text =
            TEXT_ENCODERS.computeIfAbsent(appender, a -> appender.getEncoder());
        if ("json".equals(format)) {
          JsonEncoder json = new JsonEncoder();
          json.setContext(context);
          json.start();
          appender.setEncoder(json);
        } else {
          appender.setEncoder(text);
        }
      }
    }
  }
}
