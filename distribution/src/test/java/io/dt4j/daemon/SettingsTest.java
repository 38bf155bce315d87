package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.core.manager.monitor.MonitorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dt4j.conf"),
            "admin.listen=127.0.0.1:1\nlisten=/ip4/127.0.0.1/tcp/2\ntransport=from-file\n");
    Settings settings =
        Settings.load(
            file,
            Map.of("DT4J_LISTEN", "/ip4/127.0.0.1/tcp/3", "DT4J_TRANSPORT", "from-env"),
            Map.of(Setting.TRANSPORT, new Settings.Value("from-flag", "--transport")));

    assertThat(settings.get(Setting.ADMIN_LISTEN)).isEqualTo("127.0.0.1:1");
    assertThat(settings.source(Setting.ADMIN_LISTEN)).isEqualTo(file.toString());
    assertThat(settings.get(Setting.LISTEN)).isEqualTo("/ip4/127.0.0.1/tcp/3");
    assertThat(settings.source(Setting.LISTEN)).isEqualTo("DT4J_LISTEN");
    assertThat(settings.get(Setting.TRANSPORT)).isEqualTo("from-flag");
    assertThat(settings.get(Setting.PLUGINS_STRICT)).isEqualTo("false");
    assertThat(settings.isDefault(Setting.PLUGINS_STRICT)).isTrue();
  }

  @Test
  void missingFileMeansDefaults() {
    Settings settings = Settings.load(dir.resolve("absent.conf"), Map.of(), Map.of());

    assertThat(settings.get(Setting.ADMIN_LISTEN)).isEqualTo("127.0.0.1:0");
    assertThat(settings.duration(Setting.ADMIN_REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unknownKeyInTheFileIsAnErrorNamingKeyAndFile() throws IOException {
    Path file = Files.writeString(dir.resolve("dt4j.conf"), "admin.lisen=127.0.0.1:1\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown key 'admin.lisen'")
        .hasMessageContaining(file.toString());
  }

  @Test
  void badValueNamesKeyValueAndWhereItCameFrom() {
    Settings settings = Settings.load(null, Map.of("DT4J_ADMIN_ALLOW_REMOTE", "yes"), Map.of());

    assertThatThrownBy(() -> settings.bool(Setting.ADMIN_ALLOW_REMOTE))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "invalid admin.allow-remote 'yes' (from DT4J_ADMIN_ALLOW_REMOTE): expected true or false");
  }

  @Test
  void goLogVariablesSetTheLogKeysBelowDt4jOnes() {
    Settings golog =
        Settings.load(null, Map.of("GOLOG_LOG_LEVEL", "error,dt-impl=debug"), Map.of());
    Settings both =
        Settings.load(
            null, Map.of("GOLOG_LOG_LEVEL", "error", "DT4J_LOG_LEVEL", "debug"), Map.of());

    assertThat(golog.get(Setting.LOG_LEVEL)).isEqualTo("error,dt-impl=debug");
    assertThat(both.get(Setting.LOG_LEVEL)).isEqualTo("debug");
  }

  @Test
  void nodeConfigParsesEveryDefault(@TempDir Path home) {
    NodeConfig config = NodeConfig.defaults(Dt4jHome.choose(home, null, null, "/u"));

    assertThat(config.listen()).hasSize(1);
    assertThat(config.announce()).isEmpty();
    assertThat(config.pluginsDir()).isEqualTo(home.resolve("plugins"));
    assertThat(config.pluginsDirChosen()).isFalse();
    assertThat(config.adminListen().getAddress().isLoopbackAddress()).isTrue();
    assertThat(config.adminAllowRemote()).isFalse();
    assertThat(config.transport()).isEqualTo("graphsync");
  }

  @Test
  void announceListsTheAddressesIdentifyTellsPeers(@TempDir Path home) {
    Settings settings =
        Settings.load(
            null,
            Map.of("DT4J_ANNOUNCE", "/ip4/10.0.0.1/tcp/4001, /ip4/10.0.0.2/tcp/4001"),
            Map.of());
    Settings bad = Settings.load(null, Map.of("DT4J_ANNOUNCE", "10.0.0.1:4001"), Map.of());

    assertThat(NodeConfig.of(Dt4jHome.of(home), settings).announce())
        .extracting(Object::toString)
        .containsExactly("/ip4/10.0.0.1/tcp/4001", "/ip4/10.0.0.2/tcp/4001");
    assertThatThrownBy(() -> NodeConfig.of(Dt4jHome.of(home), bad))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("announce");
  }

  @Test
  void transportKeysOfTheFileGoToTheTransportWithoutTheirPrefix(@TempDir Path home)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("dt4j.conf"), "transport=graphsync\ntransport.graphsync.threads=2\n");

    NodeConfig config = NodeConfig.of(Dt4jHome.of(home), Settings.load(file, Map.of(), Map.of()));
    NodeTransportContext context = new NodeTransportContext(null, null, config.transportSettings());

    assertThat(config.transport()).isEqualTo("graphsync");
    assertThat(context.setting("graphsync.threads")).contains("2");
    assertThat(context.setting("graphsync.max-in-progress-responses")).isEmpty();
  }

  @Test
  void monitorDefaultsAreLotusValuesAndCanBeTurnedOff(@TempDir Path home) {
    MonitorConfig lotus = MonitorConfig.lotusDefaults();
    MonitorConfig configured = NodeConfig.defaults(Dt4jHome.of(home)).monitor().orElseThrow();
    Settings off = Settings.load(null, Map.of("DT4J_MONITOR_ENABLED", "false"), Map.of());

    assertThat(configured)
        .usingRecursiveComparison()
        .ignoringFields("onRestartComplete")
        .isEqualTo(lotus);
    assertThat(NodeConfig.of(Dt4jHome.of(home), off).monitor()).isEmpty();
  }

  @Test
  void monitorDataRateWithoutAMinimumIsAnErrorNamingBothValues(@TempDir Path home) {
    Settings settings =
        Settings.load(null, Map.of("DT4J_MONITOR_MIN_BYTES_PER_INTERVAL", "0"), Map.of());

    assertThatThrownBy(() -> NodeConfig.of(Dt4jHome.of(home), settings))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("invalid monitor.* settings")
        .hasMessageContaining("minBytesPerInterval is 0");
  }

  @Test
  void validatorTimeoutDefaultsToThirtySecondsAndMustBePositive(@TempDir Path home) {
    Settings zero = Settings.load(null, Map.of("DT4J_VALIDATOR_TIMEOUT", "0s"), Map.of());
    Settings tight = Settings.load(null, Map.of("DT4J_VALIDATOR_TIMEOUT", "500ms"), Map.of());

    assertThat(NodeConfig.defaults(Dt4jHome.of(home)).validatorTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(NodeConfig.of(Dt4jHome.of(home), tight).validatorTimeout())
        .isEqualTo(java.time.Duration.ofMillis(500));
    assertThatThrownBy(() -> NodeConfig.of(Dt4jHome.of(home), zero))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("validator.timeout");
  }

  @Test
  void peerLimitsDefaultToTheEnginesAndCanBeTightened(@TempDir Path home) {
    Settings tight =
        Settings.load(
            null,
            Map.of(
                "DT4J_LIMITS_REQUESTS_PER_SECOND", "5",
                "DT4J_LIMITS_REQUEST_BURST", "10",
                "DT4J_LIMITS_CUT_OFF_AFTER", "50",
                "DT4J_LIMITS_CUT_OFF_FOR", "5m",
                "DT4J_LIMITS_MAX_CHANNELS_PER_PEER", "16"),
            Map.of());
    Settings never = Settings.load(null, Map.of("DT4J_LIMITS_CUT_OFF_FOR", "0s"), Map.of());

    assertThat(NodeConfig.defaults(Dt4jHome.of(home)).limits()).isEqualTo(PeerLimits.DEFAULT);
    assertThat(NodeConfig.of(Dt4jHome.of(home), tight).limits())
        .isEqualTo(
            new PeerLimits(
                new io.dt4j.core.network.RequestLimits(5, 10, 50, java.time.Duration.ofMinutes(5)),
                16));
    assertThatThrownBy(() -> NodeConfig.of(Dt4jHome.of(home), never))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("limits.cut-off-for");
  }

  @Test
  void nodeConfigRejectsAnAdminAddressWithoutPort(@TempDir Path home) {
    Settings settings =
        Settings.load(
            null,
            Map.of(),
            Map.of(Setting.ADMIN_LISTEN, new Settings.Value("localhost", "--admin-listen")));

    assertThatThrownBy(() -> NodeConfig.of(Dt4jHome.choose(home, null, null, "/u"), settings))
        .hasMessageContaining("invalid admin.listen 'localhost' (from --admin-listen)");
  }

  @Test
  void theShippedConfigurationFileDocumentsEveryKeyWithItsDefault() throws IOException {
    String shipped = Files.readString(Path.of("src/dist/conf/dt4j.conf"));

    assertThat(Arrays.stream(Setting.values()))
        .allSatisfy(
            s -> assertThat(shipped).contains("#" + s.key() + "=" + s.defaultValue() + "\n"));
    assertThat(
            Settings.load(Path.of("src/dist/conf/dt4j.conf"), Map.of(), Map.of())
                .isDefault(Setting.LISTEN))
        .isTrue();
  }
}
