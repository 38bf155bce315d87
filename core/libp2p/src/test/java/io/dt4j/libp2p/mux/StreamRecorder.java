package io.dt4j.libp2p.mux;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A listener that records what a stream receives; safe to read from the test thread. */
public class StreamRecorder implements MuxedStreamListener {
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final AtomicLong receivedBytes = new AtomicLong();
  private final List<Integer> nioBufferCounts = new ArrayList<>();

  /** Completes when the remote side half-closed. */
  public final CompletableFuture<Void> remoteClosed = new CompletableFuture<>();

  /** Completes with the reason when the stream was reset. */
  public final CompletableFuture<String> reset = new CompletableFuture<>();

  /** Counts onWritable calls. */
  public final AtomicInteger writableEvents = new AtomicInteger();

  @Override
  public void onData(ByteBuf data) {
    try {
      synchronized (received) {
        nioBufferCounts.add(data.nioBufferCount());
        receivedBytes.addAndGet(data.readableBytes());
        data.readBytes(received, data.readableBytes());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      data.release();
    }
  }

  @Override
  public void onRemoteClose() {
    remoteClosed.complete(null);
  }

  @Override
  public void onReset(String reason) {
    reset.complete(reason);
  }

  @Override
  public void onWritable() {
    writableEvents.incrementAndGet();
  }

  /** Returns a copy of the bytes received so far. */
  public byte[] bytes() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  /** Returns, for each delivered buffer, how many NIO buffers it consisted of. */
  public List<Integer> nioBufferCounts() {
    synchronized (received) {
      return List.copyOf(nioBufferCounts);
    }
  }

  /** Returns how many bytes arrived so far. */
  public long receivedBytes() {
    return receivedBytes.get();
  }
}
