package io.dt4j.libp2p.protocols;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.host.Libp2pStream;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * {@code /ipfs/ping/1.0.0} (libp2p.md §8): the dialer writes 32 random bytes, the listener echoes
 * every 32 bytes until the dialer half-closes. Serves the protocol and measures round trips.
 */
public final class Ping {
  /** The protocol id. */
  public static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";

  /** Bytes per ping. */
  public static final int SIZE = 32;

  /** go's and js's ping timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Libp2pHost host;
  private final RandomGenerator random;
  private final Duration timeout;

  private Ping(Libp2pHost host, RandomGenerator random, Duration timeout) {
    this.host = host;
    this.random = random;
    this.timeout = timeout;
  }

  /**
   * Serves ping on a host.
   *
   * @param host the host
   * @return the service, to ping peers
   */
  public static Ping install(Libp2pHost host) {
    Ping ping = new Ping(host, new SecureRandom(), DEFAULT_TIMEOUT);
    host.setStreamHandler(PROTOCOL_ID, stream -> stream.setListener(new Responder(stream)));
    return ping;
  }

  /**
   * Pings a peer once over a new stream, dialing it if needed.
   *
   * @param peer the peer
   * @return the round-trip time from the write to the whole echo, or fails with a {@link
   *     StreamException} (no stream, mismatching echo, timeout)
   */
  public CompletionStage<Duration> ping(PeerId peer) {
    return host.openStream(peer, List.of(PROTOCOL_ID)).thenCompose(this::ping);
  }

  private CompletionStage<Duration> ping(Libp2pStream stream) {
    byte[] payload = new byte[SIZE];
    random.nextBytes(payload);
    CompletableFuture<Duration> result = new CompletableFuture<>();
    ScheduledFuture<?> timer =
        stream
            .eventLoop()
            .schedule(
                () -> {
                  if (result.completeExceptionally(
                      new StreamException(
                          "ping of " + stream.remotePeer() + " timed out after " + timeout))) {
                    stream.reset();
                  }
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    result.whenComplete((d, e) -> timer.cancel(false));
    byte[] echo = new byte[SIZE];
    int[] got = new int[1];
    long[] start = new long[1];
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(ByteBuffer data) {
            int n = Math.min(data.remaining(), SIZE - got[0]);
            data.get(echo, got[0], n);
            got[0] += n;
            if (got[0] == SIZE && !result.isDone()) {
              Duration rtt = Duration.ofNanos(System.nanoTime() - start[0]);
              if (Arrays.equals(payload, echo)) {
                stream.closeWrite();
                result.complete(rtt);
              } else {
                stream.reset();
                result.completeExceptionally(
                    new ProtocolException("ping echo from " + stream.remotePeer() + " differs"));
              }
            }
          }

          @Override
          public void onRemoteClose() {
            result.completeExceptionally(
                new ProtocolException(
                    "ping: " + stream.remotePeer() + " closed after " + got[0] + " bytes"));
          }

          @Override
          public void onReset(StreamException cause) {
            result.completeExceptionally(cause);
          }
        });
    start[0] = System.nanoTime();
    stream.write(ByteBuffer.wrap(payload));
    return result;
  }

  /** Echoes each 32 bytes; closes when the dialer does. */
  private static final class Responder implements StreamListener {
    private final Stream stream;
    private final byte[] buffer = new byte[SIZE];
    private int filled;

    Responder(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(ByteBuffer data) {
      while (data.hasRemaining()) {
        int n = Math.min(data.remaining(), SIZE - filled);
        data.get(buffer, filled, n);
        filled += n;
        if (filled == SIZE) {
          stream.write(ByteBuffer.wrap(buffer.clone()));
          filled = 0;
        }
      }
    }

    @Override
    public void onRemoteClose() {
      stream.closeWrite();
    }

    @Override
    public void onReset(StreamException cause) {}
  }
}
