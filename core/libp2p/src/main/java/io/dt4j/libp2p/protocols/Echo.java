package io.dt4j.libp2p.protocols;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.libp2p.host.Libp2pHost;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /echo/1.0.0} as the js interop peer implements it: echo every byte until the remote
 * half-closes, then close the write side. The responder stops reading while more than 1 MiB of its
 * echo is unwritten, so a client that does not read stalls itself, not the responder's memory.
 */
public final class Echo {
  /** The protocol id. */
  public static final String PROTOCOL_ID = "/echo/1.0.0";

  static final int CHUNK = 64 * 1024;
  private static final long HIGH_WATER = 1 << 20;
  private static final long LOW_WATER = 256 * 1024;

  private Echo() {}

  /**
   * Serves echo on a host.
   *
   * @param host the host
   */
  public static void install(Libp2pHost host) {
    host.setStreamHandler(PROTOCOL_ID, stream -> stream.setListener(new Responder(stream)));
  }

  /**
   * Sends a payload over a new echo stream, half-closes, and collects the echo until the remote
   * closes.
   *
   * @param host the host
   * @param peer the echo server
   * @param payload the bytes
   * @return the echoed bytes
   */
  public static CompletionStage<byte[]> roundTrip(Libp2pHost host, PeerId peer, byte[] payload) {
    return host.openStream(peer, List.of(PROTOCOL_ID)).thenCompose(s -> roundTrip(s, payload));
  }

  /**
   * Runs the echo client on an open echo stream.
   *
   * @param stream a stream that negotiated {@link #PROTOCOL_ID}
   * @param payload the bytes
   * @return the echoed bytes
   */
  public static CompletionStage<byte[]> roundTrip(Stream stream, byte[] payload) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    ByteArrayOutputStream back = new ByteArrayOutputStream(payload.length);
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(ByteBuffer data) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            back.writeBytes(chunk);
          }

          @Override
          public void onRemoteClose() {
            result.complete(back.toByteArray());
          }

          @Override
          public void onReset(StreamException cause) {
            result.completeExceptionally(cause);
          }
        });
    ChunkPump.start(
            stream,
            payload.length,
            CHUNK,
            4,
            off -> ByteBuffer.wrap(payload, (int) off, Math.min(CHUNK, payload.length - (int) off)))
        .exceptionally(
            e -> {
              result.completeExceptionally(e);
              return null;
            });
    return result;
  }

  /** Echoes with bounded unwritten bytes. */
  private static final class Responder implements StreamListener {
    private final Stream stream;
    private long unwritten;
    private boolean paused;

    Responder(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(ByteBuffer data) {
      int n = data.remaining();
      ByteBuffer copy = ByteBuffer.allocate(n).put(data).flip();
      unwritten += n;
      if (unwritten > HIGH_WATER && !paused) {
        paused = true;
        stream.pauseReading();
      }
      stream.write(copy).whenComplete((v, e) -> written(n));
    }

    // write stages complete on the stream's event loop, like the listener calls
    private void written(int n) {
      unwritten -= n;
      if (paused && unwritten < LOW_WATER) {
        paused = false;
        stream.resumeReading();
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
