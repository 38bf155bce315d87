package io.dt4j.cli;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.crypto.KeyFile;
import io.dt4j.libp2p.crypto.KeyFileException;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.mplex.MplexMuxerFactory;
import io.dt4j.libp2p.mux.yamux.YamuxMuxerFactory;
import io.dt4j.libp2p.protocols.Bench;
import io.dt4j.libp2p.protocols.Echo;
import io.dt4j.libp2p.protocols.Identify;
import io.dt4j.libp2p.protocols.Ping;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the {@code dt4j net} commands share: building a host with every test protocol served,
 * parsing addresses and muxer names, and turning failures into one-line {@link CliException}s.
 */
final class NetNode {

  /** The host and its ping service. */
  record Started(Libp2pHost host, Ping ping) {}

  private NetNode() {}

  /** Parses {@code yamux}, {@code mplex} or a comma-separated preference list. */
  static List<MuxerFactory> muxers(String names) {
    List<MuxerFactory> list = new ArrayList<>();
    for (String name : names.split(",")) {
      switch (name.trim()) {
        case "yamux" -> list.add(new YamuxMuxerFactory());
        case "mplex" -> list.add(new MplexMuxerFactory());
        default ->
            throw new CliUsageException(
                "unknown muxer '" + name.trim() + "': use yamux, mplex or yamux,mplex");
      }
    }
    return list;
  }

  static Multiaddr multiaddr(String text) {
    try {
      return Multiaddr.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("invalid multiaddr '" + text + "': " + e.getMessage());
    }
  }

  /** Parses a dial address that must end in {@code /p2p/<peer id>}. */
  static PeerId peerOf(Multiaddr address) {
    return address
        .peerId()
        .orElseThrow(
            () ->
                new CliUsageException(
                    "multiaddr " + address + " lacks /p2p/<peer id>; give the full address"));
  }

  static PrivKey identity(Path keyFile) {
    if (keyFile == null) {
      return Ed25519PrivKey.generate(new SecureRandom());
    }
    try {
      return KeyFile.loadOrGenerate(keyFile, new SecureRandom());
    } catch (KeyFileException e) {
      throw new CliException("key file " + keyFile + ": " + e.getMessage(), ExitCode.ERROR);
    }
  }

  /** Starts a host serving identify, ping, echo and bench sink/source. */
  static Started start(PrivKey identity, List<Multiaddr> listen, List<MuxerFactory> muxers) {
    Libp2pHost host =
        new Libp2pHost(
            HostConfig.defaults(identity).withListenAddresses(listen).withMuxers(muxers));
    Identify.install(host, Identify.defaultAgentVersion());
    Ping ping = Ping.install(host);
    Echo.install(host);
    Bench.install(host);
    return new Started(host, ping);
  }

  /** Waits for a stage, mapping failures to one-line errors and a time-out to exit code 124. */
  static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CliException(
          what + " timed out after " + timeout.toSeconds() + " s", ExitCode.TIMEOUT);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new CliException(what + " failed: " + cause.getMessage(), ExitCode.ERROR);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(what + " interrupted", ExitCode.ERROR);
    }
  }
}
