package io.dt4j.benchmarks.libp2p;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One kind of peer in the throughput run, and the command lines that run it. */
sealed interface Party {

  /** A short name for tables, e.g. {@code dt4j@25} or {@code js}. */
  String label();

  /** The command of a listener that prints its multiaddr first and serves the bench protocols. */
  List<String> listenCommand(String muxer);

  /** The command of a dialer that answers "receive N" / "send N" lines (see {@link BenchPeer}). */
  List<String> dialCommand(String multiaddr, String muxer);

  /** The working folder of its processes. */
  Path dir();

  /**
   * dt4j's {@link BenchPeer} on one JDK.
   *
   * @param version the JDK's label, e.g. {@code 17}
   * @param javaHome the JDK
   * @param classpath the class path holding {@link BenchPeer} and its dependencies
   * @param jvmOptions extra JVM options, the same for every dt4j process
   */
  record Dt4j(String version, Path javaHome, String classpath, List<String> jvmOptions)
      implements Party {
    @Override
    public String label() {
      return "dt4j@" + version;
    }

    @Override
    public List<String> listenCommand(String muxer) {
      return java("listen", muxer);
    }

    @Override
    public List<String> dialCommand(String multiaddr, String muxer) {
      return java("dial", multiaddr, muxer);
    }

    @Override
    public Path dir() {
      return Path.of(".");
    }

    private List<String> java(String... args) {
      List<String> command = new ArrayList<>();
      command.add(javaHome.resolve("bin/java").toString());
      // Conscrypt's BoringSSL (the Noise cipher) is native code; JDK 22+ warns unless allowed
      command.add("--enable-native-access=ALL-UNNAMED");
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", classpath, BenchPeer.class.getName()));
      command.addAll(List.of(args));
      return command;
    }
  }

  /**
   * The js-libp2p peer of {@code shared/interop/js-peer}, installed ({@code npm ci}) in {@code
   * dir}, with {@code bench-dialer.mjs} copied next to its {@code peer.mjs}.
   *
   * @param dir the installed peer
   */
  record Js(Path dir) implements Party {
    @Override
    public String label() {
      return "js";
    }

    @Override
    public List<String> listenCommand(String muxer) {
      // as the interop tests run it: js mplex has no flow control, so its monitor's pings can
      // time out behind bulk data; the monitor keeps pinging but does not abort the connection
      return List.of("node", "peer.mjs", "--listen", "0", "--muxer", muxer, "--no-monitor-abort");
    }

    @Override
    public List<String> dialCommand(String multiaddr, String muxer) {
      return List.of("node", "bench-dialer.mjs", "--dial", multiaddr, "--muxer", muxer);
    }
  }
}
