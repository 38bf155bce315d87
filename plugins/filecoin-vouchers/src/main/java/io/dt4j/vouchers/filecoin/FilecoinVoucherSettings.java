package io.dt4j.vouchers.filecoin;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin's settings. The plugin API gives validators no configuration of their own, so each
 * setting {@code <key>} is read from the Java system property {@code dt4j.filecoin-vouchers.<key>}
 * or, if that is not set, from the environment variable {@code DT4J_FILECOIN_VOUCHERS_<KEY>} (upper
 * case, {@code .} and {@code -} as {@code _}). Blank values count as unset.
 */
public final class FilecoinVoucherSettings {
  /** The prefix of the system properties. */
  public static final String PROPERTY_PREFIX = "dt4j.filecoin-vouchers.";

  /** The prefix of the environment variables. */
  public static final String ENVIRONMENT_PREFIX = "DT4J_FILECOIN_VOUCHERS_";

  /** A file of accepted storage deal proposal CIDs, one per line. */
  public static final String STORAGE_ALLOW_LIST = "storage.allow-list";

  /** An http(s) URL asked about storage deal proposals not in the allow-list. */
  public static final String STORAGE_CALLBACK_URL = "storage.callback-url";

  /** How long the callback may take, e.g. {@code 5s} or {@code 500ms}; default 5s. */
  public static final String STORAGE_CALLBACK_TIMEOUT = "storage.callback-timeout";

  /** The lowest retrieval price per byte accepted, in attoFIL; default 2 (go-fil-markets). */
  public static final String RETRIEVAL_PRICE_PER_BYTE = "retrieval.price-per-byte";

  /** The lowest unseal price accepted, in attoFIL; default 0. */
  public static final String RETRIEVAL_UNSEAL_PRICE = "retrieval.unseal-price";

  /** The largest first payment interval accepted, in bytes; default 1 MiB. */
  public static final String RETRIEVAL_PAYMENT_INTERVAL = "retrieval.payment-interval";

  /** The largest payment interval increase accepted, in bytes; default 1 MiB. */
  public static final String RETRIEVAL_PAYMENT_INTERVAL_INCREASE =
      "retrieval.payment-interval-increase";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

  private final Function<String, Optional<String>> source;

  private FilecoinVoucherSettings(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /** Returns the settings of this process: system properties, then the environment. */
  public static FilecoinVoucherSettings fromEnvironment() {
    return new FilecoinVoucherSettings(
        key ->
            Optional.ofNullable(System.getProperty(PROPERTY_PREFIX + key))
                .or(() -> Optional.ofNullable(System.getenv(environmentName(key)))));
  }

  /**
   * Returns settings from a map of keys to values, e.g. for tests.
   *
   * @param values the values by key, e.g. {@code retrieval.price-per-byte}
   * @return the settings
   */
  public static FilecoinVoucherSettings of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new FilecoinVoucherSettings(key -> Optional.ofNullable(copy.get(key)));
  }

  /**
   * Returns the environment variable of a setting.
   *
   * @param key the setting's key, e.g. {@code storage.allow-list}
   * @return e.g. {@code DT4J_FILECOIN_VOUCHERS_STORAGE_ALLOW_LIST}
   */
  public static String environmentName(String key) {
    return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Returns a setting's value, if set and not blank.
   *
   * @param key the setting's key
   * @return the stripped value
   */
  public Optional<String> get(String key) {
    return source
        .apply(Objects.requireNonNull(key, "key"))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  /**
   * Returns a setting that names a file.
   *
   * @param key the setting's key
   * @return the path, if set
   * @throws InvalidSettingException if the value is not a path
   */
  public Optional<Path> path(String key) {
    return get(key).map(value -> parse(key, value, Path::of));
  }

  /**
   * Returns a setting that is an http or https URL.
   *
   * @param key the setting's key
   * @return the URL, if set
   * @throws InvalidSettingException if the value is not an absolute http(s) URL
   */
  public Optional<URI> httpUrl(String key) {
    return get(key).map(value -> parse(key, value, FilecoinVoucherSettings::httpUri));
  }

  /**
   * Returns a setting that is a duration: a whole number followed by {@code ms}, {@code s} or
   * {@code m}.
   *
   * @param key the setting's key
   * @param fallback the value when unset
   * @return the duration, above zero
   * @throws InvalidSettingException if the value is not such a duration
   */
  public Duration duration(String key, Duration fallback) {
    return get(key)
        .map(value -> parse(key, value, FilecoinVoucherSettings::duration))
        .orElse(fallback);
  }

  /**
   * Returns a setting that is an amount of attoFIL, zero or more.
   *
   * @param key the setting's key
   * @param fallback the value when unset
   * @return the amount
   * @throws InvalidSettingException if the value is not a whole non-negative number
   */
  public TokenAmount amount(String key, TokenAmount fallback) {
    return get(key)
        .map(value -> parse(key, value, FilecoinVoucherSettings::amount))
        .orElse(fallback);
  }

  /**
   * Returns a setting that is a number of bytes, zero or more.
   *
   * @param key the setting's key
   * @param fallback the value when unset
   * @return the number of bytes
   * @throws InvalidSettingException if the value is not a whole non-negative number
   */
  public long bytes(String key, long fallback) {
    return get(key)
        .map(value -> parse(key, value, FilecoinVoucherSettings::bytes))
        .orElse(fallback);
  }

  private static <V> V parse(String key, String value, Function<String, V> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw new InvalidSettingException(key, value, e.getMessage());
    }
  }

  private static URI httpUri(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("expected an absolute http or https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
    }
  }

  private static Duration duration(String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException("expected a duration above zero such as 500ms, 5s or 1m");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  private static TokenAmount amount(String value) {
    TokenAmount amount = TokenAmount.parse(value);
    if (amount.attoFil().signum() < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return amount;
  }

  private static long bytes(String value) {
    try {
      long bytes = Long.parseLong(value);
      if (bytes < 0) {
        throw new IllegalArgumentException("must not be negative");
      }
      return bytes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number of bytes", e);
    }
  }
}
