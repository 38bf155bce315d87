package io.dt4j.graphsync.network;

import io.dt4j.graphsync.GraphsyncStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** The node-wide counters and high-water marks behind {@link GraphsyncStats}. Thread-safe. */
public final class Counters {
  private final AtomicLong messagesSent = new AtomicLong();
  private final AtomicLong messagesReceived = new AtomicLong();
  private final AtomicLong unexpectedBlocks = new AtomicLong();
  private final LongAccumulator maxQueuedBytes = new LongAccumulator(Long::max, 0);
  private final LongAccumulator maxUnverifiedBytes = new LongAccumulator(Long::max, 0);

  /** Creates zeroed counters. */
  public Counters() {}

  /** Counts a message written. */
  public void messageSent() {
    messagesSent.incrementAndGet();
  }

  /** Counts a message read. */
  public void messageReceived() {
    messagesReceived.incrementAndGet();
  }

  /**
   * Counts received blocks that no request expected.
   *
   * @param count how many
   */
  public void unexpectedBlocks(long count) {
    unexpectedBlocks.addAndGet(count);
  }

  /**
   * Records a peer queue's current size.
   *
   * @param bytes the block bytes queued and in flight
   */
  public void queuedBytes(long bytes) {
    maxQueuedBytes.accumulate(bytes);
  }

  /**
   * Records a peer cache's current size.
   *
   * @param bytes the received block bytes held
   */
  public void unverifiedBytes(long bytes) {
    maxUnverifiedBytes.accumulate(bytes);
  }

  /**
   * Returns a snapshot.
   *
   * @return the stats
   */
  public GraphsyncStats snapshot() {
    return new GraphsyncStats(
        messagesSent.get(),
        messagesReceived.get(),
        maxQueuedBytes.get(),
        maxUnverifiedBytes.get(),
        unexpectedBlocks.get());
  }
}
