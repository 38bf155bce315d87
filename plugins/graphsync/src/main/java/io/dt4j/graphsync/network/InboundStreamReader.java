package io.dt4j.graphsync.network;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.MalformedMessageException;
import io.dt4j.ipld.protobuf.FrameDecoder;
import io.dt4j.ipld.protobuf.MalformedProtobufException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one incoming graphsync stream (graphsync spec §1): uvarint-length-delimited messages until
 * the peer closes it. Frames are cut on the network thread — a length over the limit fails before
 * any allocation — and decoded and handed to the sink on the peer's executor, in order. Reading
 * pauses while too many received bytes wait there, so a fast sender cannot fill memory. A message
 * that is malformed, over the limit, cut off by the end of the stream or slower than the partial
 * message timeout resets the stream; the sink is told, as it is of a reset by the peer.
 */
public final class InboundStreamReader implements StreamListener {
  private static final Logger log = LoggerFactory.getLogger(InboundStreamReader.class);

  /** Where messages and errors go; calls run on the peer's executor. */
  public interface Sink {
    /**
     * A message arrived.
     *
     * @param from the peer
     * @param message the message
     */
    void message(PeerId from, GraphsyncMessage message);

    /**
     * Reading failed; the stream is reset.
     *
     * @param from the peer
     * @param error what failed
     */
    void error(PeerId from, Exception error);
  }

  private final Stream stream;
  private final PeerId peer;
  private final Executor executor;
  private final ScheduledExecutorService timers;
  private final GraphsyncOptions options;
  private final Counters counters;
  private final Sink sink;
  private final FrameDecoder framer;
  private final AtomicLong waitingBytes = new AtomicLong();
  private final AtomicBoolean readingPaused = new AtomicBoolean();
  private final AtomicBoolean failed = new AtomicBoolean();
  private volatile long partialSince = -1;
  private volatile boolean timerArmed;

  /**
   * Creates a reader; {@link #start()} attaches it.
   *
   * @param stream the incoming stream
   * @param executor the peer's executor
   * @param timers runs the partial message timeout
   * @param options the limits
   * @param counters node-wide counters
   * @param sink where messages go
   */
  public InboundStreamReader(
      Stream stream,
      Executor executor,
      ScheduledExecutorService timers,
      GraphsyncOptions options,
      Counters counters,
      Sink sink) {
    this.stream = stream;
    this.peer = stream.remotePeer();
    this.executor = executor;
    this.timers = timers;
    this.options = options;
    this.counters = counters;
    this.sink = sink;
    this.framer = new FrameDecoder(options.maxMessageBytes());
  }

  /** Starts reading. */
  public void start() {
    stream.setListener(this);
  }

  @Override
  public void onData(ByteBuffer data) {
    if (failed.get()) {
      return;
    }
    try {
      framer.decode(data, this::frameReceived);
    } catch (MalformedProtobufException e) {
      fail(
          new MalformedMessageException(
              "bad message framing from " + peer + ": " + e.getMessage(), e));
      return;
    }
    trackPartialMessage();
  }

  @Override
  public void onRemoteClose() {
    if (framer.hasPartialFrame()) {
      fail(new MalformedMessageException("stream from " + peer + " ended inside a message"));
      return;
    }
    partialSince = -1;
    stream.closeWrite();
  }

  @Override
  public void onReset(StreamException cause) {
    if (failed.compareAndSet(false, true)) {
      executor.execute(() -> sink.error(peer, cause));
    }
  }

  private void frameReceived(byte[] frame) {
    partialSince = -1;
    long waiting = waitingBytes.addAndGet(frame.length);
    if (waiting > options.maxPendingInboundBytes() && readingPaused.compareAndSet(false, true)) {
      stream.pauseReading();
    }
    executor.execute(() -> process(frame));
  }

  /** Decodes and delivers one message; on the peer's executor. */
  private void process(byte[] frame) {
    try {
      if (failed.get()) {
        return;
      }
      GraphsyncMessage message = GraphsyncMessageCodec.decode(frame);
      counters.messageReceived();
      sink.message(peer, message);
    } catch (MalformedMessageException e) {
      fail(e);
    } finally {
      long waiting = waitingBytes.addAndGet(-frame.length);
      if (waiting <= options.maxPendingInboundBytes() / 2
          && readingPaused.compareAndSet(true, false)) {
        stream.resumeReading();
      }
    }
  }

  /** Arms the partial message timeout when a message has started but not finished. */
  private void trackPartialMessage() {
    if (!framer.hasPartialFrame()) {
      partialSince = -1;
      return;
    }
    if (partialSince < 0) {
      partialSince = System.nanoTime();
    }
    long timeout = options.partialMessageTimeout().toNanos();
    if (timeout > 0 && !timerArmed) {
      timerArmed = true;
      timers.schedule(this::checkPartialMessage, timeout, TimeUnit.NANOSECONDS);
    }
  }

  /** On the timer thread: fails a message that started too long ago, else waits again. */
  private void checkPartialMessage() {
    long since = partialSince;
    long timeout = options.partialMessageTimeout().toNanos();
    if (failed.get() || since < 0) {
      timerArmed = false;
      return;
    }
    long waited = System.nanoTime() - since;
    if (waited >= timeout) {
      fail(
          new MalformedMessageException(
              "message from "
                  + peer
                  + " did not arrive in full within "
                  + options.partialMessageTimeout()));
      return;
    }
    timers.schedule(this::checkPartialMessage, timeout - waited, TimeUnit.NANOSECONDS);
  }

  private void fail(Exception error) {
    if (failed.compareAndSet(false, true)) {
      log.warn("resetting graphsync stream from {}: {}", peer, error.getMessage());
      stream.reset();
      executor.execute(() -> sink.error(peer, error));
    }
  }
}
