package io.dt4j.libp2p.protocols;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.libp2p.host.Libp2pHost;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The bench protocols of the js interop peer:
 *
 * <ul>
 *   <li>{@code /bench/sink/1.0.0}: read until EOF, then write the byte count as decimal ASCII (no
 *       newline) and close;
 *   <li>{@code /bench/source/1.0.0}: read one decimal line {@code N\n} (or {@code N} then EOF),
 *       send N bytes {@code 0x61} in 64 KiB chunks, close.
 * </ul>
 */
public final class Bench {
  /** The sink protocol id. */
  public static final String SINK_PROTOCOL_ID = "/bench/sink/1.0.0";

  /** The source protocol id. */
  public static final String SOURCE_PROTOCOL_ID = "/bench/source/1.0.0";

  private static final int CHUNK = 64 * 1024;
  private static final int IN_FLIGHT = 8;
  private static final int MAX_LINE = 64;

  private Bench() {}

  /**
   * Serves both bench protocols on a host.
   *
   * @param host the host
   */
  public static void install(Libp2pHost host) {
    host.setStreamHandler(SINK_PROTOCOL_ID, stream -> stream.setListener(new Sink(stream)));
    host.setStreamHandler(SOURCE_PROTOCOL_ID, stream -> stream.setListener(new Source(stream)));
  }

  private static ByteBuffer filled(byte value) {
    ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
    while (chunk.hasRemaining()) {
      chunk.put(value);
    }
    return chunk.flip();
  }

  /**
   * Uploads {@code bytes} to the peer's sink.
   *
   * @param host the host
   * @param peer the peer serving {@link #SINK_PROTOCOL_ID}
   * @param bytes how many bytes to send
   * @return the count the sink reported
   */
  public static CompletionStage<Long> send(Libp2pHost host, PeerId peer, long bytes) {
    return host.openStream(peer, List.of(SINK_PROTOCOL_ID))
        .thenCompose(
            stream -> {
              CompletableFuture<byte[]> reply = ReadToEnd.read(stream, MAX_LINE);
              ByteBuffer block = filled((byte) 0x62);
              ChunkPump.start(stream, bytes, CHUNK, IN_FLIGHT, off -> block.duplicate())
                  .exceptionally(
                      e -> {
                        reply.completeExceptionally(e);
                        return null;
                      });
              return reply.thenApply(
                  r -> parseCount(new String(r, StandardCharsets.US_ASCII).trim()));
            });
  }

  /**
   * Downloads {@code bytes} from the peer's source.
   *
   * @param host the host
   * @param peer the peer serving {@link #SOURCE_PROTOCOL_ID}
   * @param bytes how many bytes to ask for
   * @return the count received before the source closed
   */
  public static CompletionStage<Long> receive(Libp2pHost host, PeerId peer, long bytes) {
    return host.openStream(peer, List.of(SOURCE_PROTOCOL_ID))
        .thenCompose(
            stream -> {
              CompletableFuture<Long> result = new CompletableFuture<>();
              stream.setListener(
                  new StreamListener() {
                    private long received;

                    @Override
                    public void onData(ByteBuffer data) {
                      received += data.remaining();
                    }

                    @Override
                    public void onRemoteClose() {
                      result.complete(received);
                    }

                    @Override
                    public void onReset(StreamException cause) {
                      result.completeExceptionally(cause);
                    }
                  });
              stream.write(ByteBuffer.wrap((bytes + "\n").getBytes(StandardCharsets.US_ASCII)));
              stream.closeWrite();
              return result;
            });
  }

  private static long parseCount(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new java.util.concurrent.CompletionException(
          new ProtocolException("bench: the sink answered '" + text + "', not a byte count"));
    }
  }

  /** Counts, then answers the count. */
  private static final class Sink implements StreamListener {
    private final Stream stream;
    private long total;

    Sink(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(ByteBuffer data) {
      total += data.remaining();
    }

    @Override
    public void onRemoteClose() {
      stream.write(ByteBuffer.wrap(Long.toString(total).getBytes(StandardCharsets.US_ASCII)));
      stream.closeWrite();
    }

    @Override
    public void onReset(StreamException cause) {}
  }

  /** Reads the count line, then sends. */
  private static final class Source implements StreamListener {
    private final Stream stream;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean started;

    Source(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(ByteBuffer data) {
      while (!started && data.hasRemaining()) {
        byte b = data.get();
        if (b == '\n') {
          start();
          return;
        }
        line.write(b);
        if (line.size() > MAX_LINE) {
          stream.reset();
          started = true;
        }
      }
    }

    @Override
    public void onRemoteClose() {
      if (!started) {
        if (line.size() > 0) {
          start();
        } else {
          stream.reset();
        }
      }
    }

    private void start() {
      started = true;
      long n;
      try {
        n = Long.parseLong(new String(line.toByteArray(), StandardCharsets.US_ASCII).trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0) {
        stream.reset();
        return;
      }
      ByteBuffer block = filled((byte) 0x61);
      ChunkPump.start(stream, n, CHUNK, IN_FLIGHT, off -> block.duplicate());
    }

    @Override
    public void onReset(StreamException cause) {}
  }
}
