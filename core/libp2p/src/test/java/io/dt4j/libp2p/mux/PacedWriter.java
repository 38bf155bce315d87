package io.dt4j.libp2p.mux;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;

/**
 * A well-behaved writer: writes chunks while the stream is writable, waits for onWritable, then
 * half-closes. Runs on the stream's event loop; its counters are safe to read from any thread.
 */
public final class PacedWriter implements MuxedStreamListener {
  /** Supplies the chunk at an offset; the writer hands it to the stream. */
  public interface ChunkSource {
    ByteBuf chunk(long offset, int length);
  }

  private final MuxedStream stream;
  private final ChunkSource source;
  private final long total;
  private final int chunkSize;
  private final long deadlineNanos;
  private volatile long sent;
  private volatile Future<Void> lastWrite;
  private boolean closing;

  /** Completes once everything was written and the stream half-closed. */
  public final CompletableFuture<Void> done = new CompletableFuture<>();

  public PacedWriter(
      MuxedStream stream, ChunkSource source, long total, int chunkSize, long deadlineNanos) {
    this.stream = stream;
    this.source = source;
    this.total = total;
    this.chunkSize = chunkSize;
    this.deadlineNanos = deadlineNanos;
  }

  /** Starts writing on the stream's event loop. */
  public PacedWriter start() {
    stream.setListener(this);
    stream.eventLoop().execute(this::pump);
    return this;
  }

  private void pump() {
    while (!closing && sent < total && stream.isWritable()) {
      if (System.nanoTime() - deadlineNanos > 0) {
        break;
      }
      int n = (int) Math.min(chunkSize, total - sent);
      lastWrite = stream.write(source.chunk(sent, n));
      sent += n;
    }
    if (!closing && (sent == total || System.nanoTime() - deadlineNanos > 0)) {
      closing = true;
      stream
          .closeWrite()
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  done.complete(null);
                } else {
                  done.completeExceptionally(f.cause());
                }
              });
    }
  }

  /**
   * Writes the next chunk even if the stream is not writable, as a careless writer would.
   *
   * @return the future of that write
   */
  public Future<Void> writeOneMoreIgnoringWritability() throws Exception {
    return stream
        .eventLoop()
        .submit(
            () -> {
              int n = (int) Math.min(chunkSize, total - sent);
              lastWrite = stream.write(source.chunk(sent, n));
              sent += n;
              return lastWrite;
            })
        .get();
  }

  /** Bytes handed to the stream so far. */
  public long sent() {
    return sent;
  }

  /** The future of the last write, or null. */
  public Future<Void> lastWrite() {
    return lastWrite;
  }

  @Override
  public void onData(ByteBuf data) {
    data.release();
  }

  @Override
  public void onRemoteClose() {}

  @Override
  public void onReset(String reason) {
    done.completeExceptionally(new IllegalStateException("reset: " + reason));
  }

  @Override
  public void onWritable() {
    pump();
  }
}
