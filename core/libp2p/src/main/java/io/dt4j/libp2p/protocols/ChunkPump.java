package io.dt4j.libp2p.protocols;

import io.dt4j.api.host.Stream;
import io.dt4j.libp2p.host.Libp2pStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Writes a sequence of chunks to a stream with a bounded number of writes in flight, then
 * half-closes it: the writer side of bulk protocols (bench, echo client). Back-pressure comes from
 * the write stages, which complete only once the muxer wrote the bytes (so, within the peer's
 * window). Runs its continuations on the stream's event loop.
 */
final class ChunkPump {
  private final Stream stream;
  private final long total;
  private final int chunkSize;
  private final int maxInFlight;
  private final LongFunction<ByteBuffer> chunkAt;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private long offset;
  private int inFlight;
  private boolean pumping;

  /**
   * @param chunkAt returns the chunk starting at an offset; the pump limits it to what remains
   */
  private ChunkPump(
      Stream stream, long total, int chunkSize, int maxInFlight, LongFunction<ByteBuffer> chunkAt) {
    this.stream = stream;
    this.total = total;
    this.chunkSize = chunkSize;
    this.maxInFlight = maxInFlight;
    this.chunkAt = chunkAt;
  }

  /** Starts writing; the stage completes once the close was sent, or fails with the write error. */
  static CompletableFuture<Void> start(
      Stream stream, long total, int chunkSize, int maxInFlight, LongFunction<ByteBuffer> chunkAt) {
    ChunkPump pump = new ChunkPump(stream, total, chunkSize, maxInFlight, chunkAt);
    // all state is then touched on the stream's event loop only: write stages complete there
    if (stream instanceof Libp2pStream s && !s.eventLoop().inEventLoop()) {
      s.eventLoop().execute(pump::pump);
    } else {
      pump.pump();
    }
    return pump.done;
  }

  private void pump() {
    if (pumping) {
      return;
    }
    pumping = true;
    try {
      while (!done.isDone() && inFlight < maxInFlight && offset < total) {
        int len = (int) Math.min(chunkSize, total - offset);
        ByteBuffer chunk = chunkAt.apply(offset);
        chunk.limit(chunk.position() + len);
        offset += len;
        inFlight++;
        stream.write(chunk).whenComplete((v, e) -> written(e));
      }
      if (offset == total && !done.isDone() && inFlight == 0) {
        stream
            .closeWrite()
            .whenComplete(
                (v, e) -> {
                  if (e != null) {
                    done.completeExceptionally(e);
                  } else {
                    done.complete(null);
                  }
                });
        offset = total + 1; // closed
      }
    } finally {
      pumping = false;
    }
  }

  private void written(Throwable failure) {
    inFlight--;
    if (failure != null) {
      done.completeExceptionally(failure);
      return;
    }
    pump();
  }
}
