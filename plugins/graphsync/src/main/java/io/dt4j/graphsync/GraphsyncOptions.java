package io.dt4j.graphsync;

import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.ipld.traversal.MissingBlockPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a graphsync node; {@link #defaults()} follows go-graphsync (graphsync spec §1, §5).
 *
 * @param validation which requests are served when no incoming-request hook validates them
 * @param missingBlocks how traversals on both sides treat a missing block (the sibling rule of the
 *     peers' go-ipld-prime, §6.3)
 * @param maxInProgressResponses responses one peer may have running at once; more wait in a queue
 * @param maxQueuedBytesPerPeer block bytes a peer's responses may have queued or in flight before
 *     the traversals wait (back-pressure)
 * @param maxBlockBytesPerMessage block and extension bytes per outgoing message (Go: 512 KiB)
 * @param maxMessageBytes the largest message read or written (Go: 4 MiB)
 * @param maxUnverifiedBytesPerPeer received block bytes held per peer until the traversal uses them
 * @param maxPendingInboundBytes received message bytes waiting to be processed before reading from
 *     the stream pauses
 * @param requestIdleTimeout how long a running request may go without any response before it is
 *     cancelled; zero disables the timeout
 * @param partialMessageTimeout how long a started message may take to arrive in full; zero disables
 *     the timeout
 * @param sendAttempts how often a message is tried, each time on a new stream, before giving up
 * @param sendRetryDelay the pause between attempts
 * @param threads the threads that run all peers' work
 */
public record GraphsyncOptions(
    RequestValidation validation,
    MissingBlockPolicy missingBlocks,
    int maxInProgressResponses,
    long maxQueuedBytesPerPeer,
    int maxBlockBytesPerMessage,
    int maxMessageBytes,
    long maxUnverifiedBytesPerPeer,
    long maxPendingInboundBytes,
    Duration requestIdleTimeout,
    Duration partialMessageTimeout,
    int sendAttempts,
    Duration sendRetryDelay,
    int threads) {

  /** Which requests a responder serves when none of its incoming-request hooks validated them. */
  public enum RequestValidation {
    /**
     * go-graphsync's default: requests whose every recursion is depth-limited to at most 100 (so
     * unlimited explore-all needs a hook, such as the data-transfer transport's).
     */
    DEPTH_LIMITED,
    /** Only requests a hook validated. */
    HOOKS_ONLY,
    /** Every request (tests, trusted networks). */
    ALL
  }

  /**
   * Checks the values.
   *
   * @param validation the default validation
   * @param missingBlocks the missing-block rule
   * @param maxInProgressResponses running responses per peer
   * @param maxQueuedBytesPerPeer queued block bytes per peer
   * @param maxBlockBytesPerMessage block bytes per message
   * @param maxMessageBytes message size limit
   * @param maxUnverifiedBytesPerPeer held received bytes per peer
   * @param maxPendingInboundBytes received bytes waiting before reading pauses
   * @param requestIdleTimeout request idle timeout
   * @param partialMessageTimeout partial message timeout
   * @param sendAttempts send attempts
   * @param sendRetryDelay delay between attempts
   * @param threads worker threads
   */
  public GraphsyncOptions {
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(missingBlocks, "missingBlocks");
    Objects.requireNonNull(requestIdleTimeout, "requestIdleTimeout");
    Objects.requireNonNull(partialMessageTimeout, "partialMessageTimeout");
    Objects.requireNonNull(sendRetryDelay, "sendRetryDelay");
    if (maxInProgressResponses < 1 || sendAttempts < 1 || threads < 1) {
      throw new IllegalArgumentException("counts must be at least 1");
    }
    if (maxMessageBytes < 1024 || maxMessageBytes > GraphsyncMessageCodec.MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "maxMessageBytes must be 1 KiB to " + GraphsyncMessageCodec.MAX_MESSAGE_BYTES);
    }
    if (maxBlockBytesPerMessage < 1 || maxBlockBytesPerMessage > maxMessageBytes) {
      throw new IllegalArgumentException("maxBlockBytesPerMessage must be 1 to maxMessageBytes");
    }
    if (maxQueuedBytesPerPeer < maxBlockBytesPerMessage
        || maxUnverifiedBytesPerPeer < maxMessageBytes
        || maxPendingInboundBytes < maxMessageBytes) {
      throw new IllegalArgumentException("per-peer byte limits must hold at least one message");
    }
    if (requestIdleTimeout.isNegative()
        || partialMessageTimeout.isNegative()
        || sendRetryDelay.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /**
   * Returns go-graphsync's settings: depth-limited default validation, the v0.6–v0.9 sibling rule,
   * 6 responses per peer, 512 KiB of blocks per 4 MiB message, 10 send attempts 100 ms apart; 4 MiB
   * queued per peer (Go allows 16 MiB, but queued blocks live long enough for Java's young
   * collections to copy them, and 4 MiB keeps eight messages ready); plus dt4j's bounds on the
   * receiving side (64 MiB held per peer, 8 MiB waiting, 10 minutes idle per request, 1 minute per
   * message).
   *
   * @return the options
   */
  public static GraphsyncOptions defaults() {
    return new GraphsyncOptions(
        RequestValidation.DEPTH_LIMITED,
        MissingBlockPolicy.SKIP_REMAINING_SIBLINGS,
        6,
        4L << 20,
        512 << 10,
        GraphsyncMessageCodec.MAX_MESSAGE_BYTES,
        64L << 20,
        8L << 20,
        Duration.ofMinutes(10),
        Duration.ofMinutes(1),
        10,
        Duration.ofMillis(100),
        Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Returns a builder starting from these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some options of a {@link GraphsyncOptions}; not thread-safe. */
  public static final class Builder {
    private RequestValidation validation;
    private MissingBlockPolicy missingBlocks;
    private int maxInProgressResponses;
    private long maxQueuedBytesPerPeer;
    private int maxBlockBytesPerMessage;
    private int maxMessageBytes;
    private long maxUnverifiedBytesPerPeer;
    private long maxPendingInboundBytes;
    private Duration requestIdleTimeout;
    private Duration partialMessageTimeout;
    private int sendAttempts;
    private Duration sendRetryDelay;
    private int threads;

    private Builder(GraphsyncOptions from) {
      validation = from.validation;
      missingBlocks = from.missingBlocks;
      maxInProgressResponses = from.maxInProgressResponses;
      maxQueuedBytesPerPeer = from.maxQueuedBytesPerPeer;
      maxBlockBytesPerMessage = from.maxBlockBytesPerMessage;
      maxMessageBytes = from.maxMessageBytes;
      maxUnverifiedBytesPerPeer = from.maxUnverifiedBytesPerPeer;
      maxPendingInboundBytes = from.maxPendingInboundBytes;
      requestIdleTimeout = from.requestIdleTimeout;
      partialMessageTimeout = from.partialMessageTimeout;
      sendAttempts = from.sendAttempts;
      sendRetryDelay = from.sendRetryDelay;
      threads = from.threads;
    }

    /**
     * Sets the default validation.
     *
     * @param value the validation
     * @return this builder
     */
    public Builder validation(RequestValidation value) {
      validation = value;
      return this;
    }

    /**
     * Sets the missing-block rule.
     *
     * @param value the rule
     * @return this builder
     */
    public Builder missingBlocks(MissingBlockPolicy value) {
      missingBlocks = value;
      return this;
    }

    /**
     * Sets the running responses per peer.
     *
     * @param value the count
     * @return this builder
     */
    public Builder maxInProgressResponses(int value) {
      maxInProgressResponses = value;
      return this;
    }

    /**
     * Sets the block bytes a peer's responses may have queued or in flight.
     *
     * @param value the bytes
     * @return this builder
     */
    public Builder maxQueuedBytesPerPeer(long value) {
      maxQueuedBytesPerPeer = value;
      return this;
    }

    /**
     * Sets the block bytes per outgoing message.
     *
     * @param value the bytes
     * @return this builder
     */
    public Builder maxBlockBytesPerMessage(int value) {
      maxBlockBytesPerMessage = value;
      return this;
    }

    /**
     * Sets the received block bytes held per peer.
     *
     * @param value the bytes
     * @return this builder
     */
    public Builder maxUnverifiedBytesPerPeer(long value) {
      maxUnverifiedBytesPerPeer = value;
      return this;
    }

    /**
     * Sets the request idle timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder requestIdleTimeout(Duration value) {
      requestIdleTimeout = value;
      return this;
    }

    /**
     * Sets the partial message timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder partialMessageTimeout(Duration value) {
      partialMessageTimeout = value;
      return this;
    }

    /**
     * Sets the send attempts and the pause between them.
     *
     * @param attempts how often a message is tried
     * @param delay the pause between attempts
     * @return this builder
     */
    public Builder sendAttempts(int attempts, Duration delay) {
      sendAttempts = attempts;
      sendRetryDelay = delay;
      return this;
    }

    /**
     * Sets the worker threads.
     *
     * @param value the count
     * @return this builder
     */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public GraphsyncOptions build() {
      return new GraphsyncOptions(
          validation,
          missingBlocks,
          maxInProgressResponses,
          maxQueuedBytesPerPeer,
          maxBlockBytesPerMessage,
          maxMessageBytes,
          maxUnverifiedBytesPerPeer,
          maxPendingInboundBytes,
          requestIdleTimeout,
          partialMessageTimeout,
          sendAttempts,
          sendRetryDelay,
          threads);
    }
  }
}
