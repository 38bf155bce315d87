package io.dt4j.daemon;

import io.dt4j.core.manager.monitor.MonitorConfig;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node and its admin API are started with: the {@link Settings}, parsed and checked.
 *
 * @param home the home folder
 * @param listen the libp2p listen addresses
 * @param announce the addresses identify announces instead of the listen addresses; empty for those
 * @param pluginsDir the plugins folder
 * @param pluginsDirChosen whether the plugins folder was configured (a missing configured folder is
 *     an error; the default one is created)
 * @param pluginsStrict whether any plugin problem stops the start
 * @param transport the name of the transport to use
 * @param transportSettings the transport plugin's settings, keyed without {@code transport.}
 * @param storeFsync whether the channel store forces each write to the disk
 * @param storeDirectIo whether block files are written and read around the page cache (O_DIRECT)
 * @param monitor how the channel monitor watches the channels this node opens; empty for none
 * @param validatorTimeout how long a voucher validator may take before its request is rejected
 * @param limits what one peer may ask of the node (request rate, open channels)
 * @param adminListen where the admin API listens
 * @param adminAllowRemote whether admin clients other than loopback are served
 * @param adminMaxBodyBytes the largest admin request body
 * @param adminRequestTimeout how long an admin request may take
 */
public record NodeConfig(
    Dt4jHome home,
    List<Multiaddr> listen,
    List<Multiaddr> announce,
    Path pluginsDir,
    boolean pluginsDirChosen,
    boolean pluginsStrict,
    String transport,
    Map<String, String> transportSettings,
    boolean storeFsync,
    boolean storeDirectIo,
    Optional<MonitorConfig> monitor,
    Duration validatorTimeout,
    PeerLimits limits,
    InetSocketAddress adminListen,
    boolean adminAllowRemote,
    int adminMaxBodyBytes,
    Duration adminRequestTimeout) {

  /** Checks that no part is missing. */
  public NodeConfig {
    Objects.requireNonNull(home, "home");
    listen = List.copyOf(listen);
    announce = List.copyOf(announce);
    Objects.requireNonNull(pluginsDir, "pluginsDir");
    Objects.requireNonNull(transport, "transport");
    transportSettings = Map.copyOf(transportSettings);
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(validatorTimeout, "validatorTimeout");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(adminListen, "adminListen");
    Objects.requireNonNull(adminRequestTimeout, "adminRequestTimeout");
  }

  /**
   * Parses the settings for a home.
   *
   * @param home the home; relative paths in the settings are under it
   * @param settings the settings
   * @return the configuration
   * @throws SettingsException if a value cannot be used
   */
  public static NodeConfig of(Dt4jHome home, Settings settings) {
    return new NodeConfig(
        home,
        settings.parse(
            Setting.LISTEN, NodeConfig::multiaddrs, "multiaddrs such as /ip4/127.0.0.1/tcp/0"),
        settings.get(Setting.ANNOUNCE).isBlank()
            ? List.of()
            : settings.parse(
                Setting.ANNOUNCE,
                NodeConfig::multiaddrs,
                "multiaddrs such as /ip4/1.2.3.4/tcp/4001"),
        home.home().resolve(settings.get(Setting.PLUGINS_DIR)).normalize(),
        !settings.isDefault(Setting.PLUGINS_DIR),
        settings.bool(Setting.PLUGINS_STRICT),
        settings.parse(Setting.TRANSPORT, NodeConfig::name, "a transport name such as graphsync"),
        settings.transportSettings(),
        settings.bool(Setting.STORE_FSYNC),
        settings.bool(Setting.STORE_DIRECT_IO),
        monitor(settings),
        validatorTimeout(settings),
        PeerLimits.of(settings),
        settings.parse(Setting.ADMIN_LISTEN, NodeConfig::hostPort, "HOST:PORT, e.g. 127.0.0.1:0"),
        settings.bool(Setting.ADMIN_ALLOW_REMOTE),
        settings.integer(Setting.ADMIN_MAX_BODY_BYTES, 1024, 64 << 20),
        settings.duration(Setting.ADMIN_REQUEST_TIMEOUT));
  }

  /** Returns the defaults for a home. */
  public static NodeConfig defaults(Dt4jHome home) {
    return of(home, Settings.defaults());
  }

  /** Returns this configuration with other plugins settings. */
  public NodeConfig withPlugins(Path dir, boolean strict) {
    return new NodeConfig(
        home,
        listen,
        announce,
        dir,
        true,
        strict,
        transport,
        transportSettings,
        storeFsync,
        storeDirectIo,
        monitor,
        validatorTimeout,
        limits,
        adminListen,
        adminAllowRemote,
        adminMaxBodyBytes,
        adminRequestTimeout);
  }

  /** Returns this configuration with other admin access settings. */
  public NodeConfig withAdmin(InetSocketAddress address, boolean allowRemote) {
    return new NodeConfig(
        home,
        listen,
        announce,
        pluginsDir,
        pluginsDirChosen,
        pluginsStrict,
        transport,
        transportSettings,
        storeFsync,
        storeDirectIo,
        monitor,
        validatorTimeout,
        limits,
        address,
        allowRemote,
        adminMaxBodyBytes,
        adminRequestTimeout);
  }

  private static Duration validatorTimeout(Settings settings) {
    Duration timeout = settings.duration(Setting.VALIDATOR_TIMEOUT);
    if (timeout.isZero() || timeout.isNegative()) {
      throw new SettingsException(
          "invalid validator.timeout: " + timeout + " (give a positive duration such as 30s)");
    }
    return timeout;
  }

  /** The {@code monitor.*} settings; their defaults are {@link MonitorConfig#lotusDefaults()}. */
  static Optional<MonitorConfig> monitor(Settings settings) {
    if (!settings.bool(Setting.MONITOR_ENABLED)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          MonitorConfig.builder()
              .acceptTimeout(settings.duration(Setting.MONITOR_ACCEPT_TIMEOUT))
              .restartDebounce(settings.duration(Setting.MONITOR_RESTART_DEBOUNCE))
              .restartBackoff(settings.duration(Setting.MONITOR_RESTART_BACKOFF))
              .maxConsecutiveRestarts(
                  settings.integer(Setting.MONITOR_MAX_CONSECUTIVE_RESTARTS, 1, 1000))
              .completeTimeout(settings.duration(Setting.MONITOR_COMPLETE_TIMEOUT))
              .dataRate(
                  settings.duration(Setting.MONITOR_DATA_RATE_INTERVAL),
                  settings.integer(Setting.MONITOR_MIN_BYTES_PER_INTERVAL, 0, Integer.MAX_VALUE))
              .build());
    } catch (IllegalArgumentException e) {
      throw new SettingsException("invalid monitor.* settings: " + e.getMessage());
    }
  }

  static List<Multiaddr> multiaddrs(String text) {
    List<Multiaddr> list =
        Arrays.stream(text.split("[,\\s]+"))
            .filter(s -> !s.isEmpty())
            .map(Multiaddr::parse)
            .toList();
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no address");
    }
    return list;
  }

  static String name(String text) {
    if (!text.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(text);
    }
    return text;
  }

  /**
   * Parses {@code HOST:PORT}, {@code [IPV6]:PORT}; the host is resolved.
   *
   * @param text the text
   * @return the address
   * @throws IllegalArgumentException if it is not of that form
   */
  public static InetSocketAddress hostPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = Integer.parseInt(text.substring(colon + 1));
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("unknown host " + host);
    }
    return address;
  }
}
