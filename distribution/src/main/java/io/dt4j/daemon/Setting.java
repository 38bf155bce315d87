package io.dt4j.daemon;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every key of {@code conf/dt4j.conf}, with its default. Each key can also be set by an environment
 * variable ({@code DT4J_} and the key in upper case with {@code .} and {@code -} as {@code _}, e.g.
 * {@code DT4J_ADMIN_LISTEN}), and some by a {@code dt4j daemon} flag; a flag beats the environment,
 * which beats the file, which beats the default. The shipped {@code conf/dt4j.conf} documents each
 * key (a test checks that it names all of them).
 */
public enum Setting {
  /** The libp2p listen addresses, comma-separated multiaddrs. */
  LISTEN("listen", "/ip4/127.0.0.1/tcp/0"),
  /**
   * The addresses identify tells peers to dial, comma-separated multiaddrs; empty for the bound
   * listen addresses (go-libp2p's {@code Addresses.Announce}).
   */
  ANNOUNCE("announce", ""),
  /** The plugins folder; relative paths are under the home. */
  PLUGINS_DIR("plugins.dir", "plugins"),
  /** Whether any plugin that cannot be loaded stops the daemon. */
  PLUGINS_STRICT("plugins.strict", "false"),
  /** The name of the transport to move data with, from a transport plugin. */
  TRANSPORT("transport", "graphsync"),
  /** Whether the channel store forces each write to the disk. */
  STORE_FSYNC("store.fsync", "false"),
  /** Whether block files bypass the page cache (O_DIRECT) where the file system allows it. */
  STORE_DIRECT_IO("store.direct-io", "true"),
  /** How long a voucher validator may take before the request it validates is rejected. */
  VALIDATOR_TIMEOUT("validator.timeout", "30s"),
  /** Channel-opening requests (New, Restart) one peer may send per second, sustained. */
  LIMITS_REQUESTS_PER_SECOND("limits.requests-per-second", "20"),
  /** Channel-opening requests one peer may send at once before it is throttled. */
  LIMITS_REQUEST_BURST("limits.request-burst", "200"),
  /** Requests of a throttled peer dropped before it is cut off and disconnected. */
  LIMITS_CUT_OFF_AFTER("limits.cut-off-after", "1000"),
  /** How long a cut-off peer's data-transfer streams are reset and its connections closed. */
  LIMITS_CUT_OFF_FOR("limits.cut-off-for", "1m"),
  /** Channels one peer may have open with this node as responder. */
  LIMITS_MAX_CHANNELS_PER_PEER("limits.max-channels-per-peer", "256"),
  /** Whether the channel monitor watches the channels this node opens and restarts stalled ones. */
  MONITOR_ENABLED("monitor.enabled", "true"),
  /** Time from opening a channel to the peer's accept; {@code 0s} turns the check off. */
  MONITOR_ACCEPT_TIMEOUT("monitor.accept-timeout", "0s"),
  /** A restart runs after this long without further errors. */
  MONITOR_RESTART_DEBOUNCE("monitor.restart-debounce", "10s"),
  /** After a restart request, how long before another restart may run. */
  MONITOR_RESTART_BACKOFF("monitor.restart-backoff", "1m"),
  /** Restarts without any data in between before the channel fails. */
  MONITOR_MAX_CONSECUTIVE_RESTARTS("monitor.max-consecutive-restarts", "3"),
  /** Time from the end of the data to the channel's completion; {@code 0s} turns it off. */
  MONITOR_COMPLETE_TIMEOUT("monitor.complete-timeout", "0s"),
  /** The window of the data-rate check; {@code 0s} (with a minimum of 0) turns it off. */
  MONITOR_DATA_RATE_INTERVAL("monitor.data-rate-interval", "1m"),
  /** The bytes an ongoing channel must move per window, else it is restarted. */
  MONITOR_MIN_BYTES_PER_INTERVAL("monitor.min-bytes-per-interval", "1024"),
  /** Where the admin API listens, {@code HOST:PORT}; port 0 picks a free port. */
  ADMIN_LISTEN("admin.listen", "127.0.0.1:0"),
  /** Whether admin requests from addresses other than loopback are served (with the token). */
  ADMIN_ALLOW_REMOTE("admin.allow-remote", "false"),
  /** The largest admin request body, in bytes. */
  ADMIN_MAX_BODY_BYTES("admin.max-body-bytes", "1048576"),
  /** How long an admin request may take to arrive and how long the daemon waits on its work. */
  ADMIN_REQUEST_TIMEOUT("admin.request-timeout", "30s"),
  /** The log level: a level, or go-log's {@code level,subsystem=level,...}. */
  LOG_LEVEL("log.level", "info", "GOLOG_LOG_LEVEL"),
  /** The log format: {@code text} or {@code json}. */
  LOG_FORMAT("log.format", "text", "GOLOG_LOG_FMT");

  private final String key;
  private final String defaultValue;
  private final List<String> aliases;

  Setting(String key, String defaultValue, String... aliases) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.aliases = List.of(aliases);
  }

  /** Returns the key in the configuration file, e.g. {@code admin.listen}. */
  public String key() {
    return key;
  }

  /** Returns the value used when nothing sets the key. */
  public String defaultValue() {
    return defaultValue;
  }

  /** Returns the environment variable that sets the key, e.g. {@code DT4J_ADMIN_LISTEN}. */
  public String environmentVariable() {
    return "DT4J_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Returns further environment variables that set the key, weaker than {@link
   * #environmentVariable()}: go-log's {@code GOLOG_LOG_LEVEL} and {@code GOLOG_LOG_FMT}.
   */
  public List<String> aliases() {
    return aliases;
  }

  /**
   * Returns the setting with a configuration-file key.
   *
   * @param key the key
   * @return the setting, if there is one
   */
  public static Optional<Setting> ofKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }
}
