package io.dt4j.daemon;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's configuration: each {@link Setting} with its value and where the value came from. A
 * flag beats the environment, which beats {@code conf/dt4j.conf}, which beats the default.
 */
public final class Settings {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  /**
   * One setting's value.
   *
   * @param value the text
   * @param source where it was set: {@code default}, the file, the variable or the flag
   */
  public record Value(String value, String source) {}

  /** Keys of the file under this prefix are the transport plugin's, passed on without it. */
  public static final String TRANSPORT_PREFIX = "transport.";

  private final Map<Setting, Value> values;
  private final Map<String, String> transportSettings;

  private Settings(Map<Setting, Value> values, Map<String, String> transportSettings) {
    this.values = Map.copyOf(values);
    this.transportSettings = Map.copyOf(transportSettings);
  }

  /** Returns every setting at its default. */
  public static Settings defaults() {
    return load(null, Map.of(), Map.of());
  }

  /**
   * Reads the settings.
   *
   * @param file the configuration file ({@code key=value} lines, {@code #} comments); a missing
   *     file, or null, sets nothing
   * @param environment the process environment
   * @param flags values given on the command line, keyed by setting, with the flag's name
   * @return the settings
   * @throws SettingsException if the file cannot be read or names an unknown key
   */
  public static Settings load(
      Path file, Map<String, String> environment, Map<Setting, Value> flags) {
    Map<Setting, Value> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      values.put(setting, new Value(setting.defaultValue(), "default"));
    }
    Properties properties = file == null ? new Properties() : readFile(file);
    Map<String, String> transportSettings = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).strip();
      if (key.startsWith(TRANSPORT_PREFIX)) {
        transportSettings.put(key.substring(TRANSPORT_PREFIX.length()), value);
      } else {
        values.put(known(key, file), new Value(value, file.toString()));
      }
    }
    for (Setting setting : Setting.values()) {
      for (String name : setting.aliases()) {
        putIfSet(values, setting, environment.get(name), name);
      }
      putIfSet(
          values,
          setting,
          environment.get(setting.environmentVariable()),
          setting.environmentVariable());
    }
    values.putAll(flags);
    return new Settings(values, transportSettings);
  }

  private static void putIfSet(
      Map<Setting, Value> values, Setting setting, String value, String source) {
    if (value != null && !value.isBlank()) {
      values.put(setting, new Value(value.strip(), source));
    }
  }

  private static Properties readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return properties;
    } catch (IOException | IllegalArgumentException e) {
      throw new SettingsException("cannot read " + file + ": " + e.getMessage());
    }
    return properties;
  }

  private static Setting known(String key, Path file) {
    return Setting.ofKey(key)
        .orElseThrow(
            () ->
                new SettingsException(
                    "unknown key '" + key + "' in " + file + " (the file lists the known keys)"));
  }

  /**
   * Returns the file's {@code transport.*} keys without that prefix, e.g. {@code
   * graphsync.threads}: what the transport plugin reads through its context.
   */
  public Map<String, String> transportSettings() {
    return transportSettings;
  }

  /** Returns a setting's text. */
  public String get(Setting setting) {
    return values.get(setting).value();
  }

  /** Returns where a setting's value came from. */
  public String source(Setting setting) {
    return values.get(setting).source();
  }

  /** Returns whether nothing set the setting. */
  public boolean isDefault(Setting setting) {
    return "default".equals(source(setting));
  }

  /**
   * Returns a setting parsed by {@code parser}.
   *
   * @param setting the setting
   * @param parser turns the text into a value; throws {@link IllegalArgumentException} if it cannot
   * @param expected what a good value looks like, for the error message
   * @param <T> the value's type
   * @return the value
   * @throws SettingsException naming the setting, its value and its source
   */
  public <T> T parse(Setting setting, Function<String, T> parser, String expected) {
    String text = get(setting);
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "invalid "
              + setting.key()
              + " '"
              + text
              + "' (from "
              + source(setting)
              + "): expected "
              + expected);
    }
  }

  /** Returns a {@code true}/{@code false} setting. */
  public boolean bool(Setting setting) {
    return parse(setting, Settings::parseBoolean, "true or false");
  }

  /** Returns a whole-number setting within a range. */
  public int integer(Setting setting, int min, int max) {
    return parse(
        setting,
        text -> {
          int value = Integer.parseInt(text);
          if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        "a whole number from " + min + " to " + max);
  }

  /** Returns a duration setting such as {@code 30s}, {@code 500ms}, {@code 5m} or {@code 1h}. */
  public Duration duration(Setting setting) {
    return parse(setting, Settings::parseDuration, "a duration such as 500ms, 30s, 5m or 1h");
  }

  static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}.
   *
   * @param text the text
   * @return the duration
   * @throws IllegalArgumentException if it is not of that form
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
