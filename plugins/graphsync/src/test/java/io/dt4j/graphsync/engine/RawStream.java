package io.dt4j.graphsync.engine;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The baseline for graphsync's throughput: bytes written on one plain stream between the same two
 * hosts, 512 KiB per write with four writes in flight (as graphsync's message queue does), counted
 * by a sink that discards them.
 */
final class RawStream {
  private static final String PROTOCOL = "/dt4j/test/raw-sink/1.0.0";
  private static final int WRITE = 512 << 10;
  private static final int IN_FLIGHT = 4;

  private RawStream() {}

  static void serveSink(Host host) {
    host.setStreamHandler(
        PROTOCOL,
        stream ->
            stream.setListener(
                new StreamListener() {
                  @Override
                  public void onData(ByteBuffer data) {
                    data.position(data.limit());
                  }

                  @Override
                  public void onRemoteClose() {
                    stream.closeWrite();
                  }

                  @Override
                  public void onReset(StreamException cause) {}
                }));
  }

  /** Writes {@code bytes} and returns when all writes completed. */
  static void send(Host from, PeerId to, long bytes) throws Exception {
    Stream stream =
        from.newStream(to, List.of(PROTOCOL)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    Semaphore slots = new Semaphore(IN_FLIGHT);
    CompletableFuture<Void> failed = new CompletableFuture<>();
    byte[] chunk = new byte[WRITE];
    for (long left = bytes; left > 0; left -= WRITE) {
      if (!slots.tryAcquire(60, TimeUnit.SECONDS) || failed.isCompletedExceptionally()) {
        throw new IllegalStateException("raw stream stalled or failed");
      }
      int n = (int) Math.min(WRITE, left);
      stream
          .write(ByteBuffer.wrap(chunk, 0, n))
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  failed.completeExceptionally(error);
                }
                slots.release();
              });
    }
    if (!slots.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("raw stream did not drain");
    }
    stream.closeWrite();
  }
}
