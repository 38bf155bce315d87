package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Holds the data of one channel after a number of blocks, so that a test can act at a known point
 * of a transfer (pause, close, disconnect, restart) and then let it go on. Made by {@link
 * LoopbackTransportHub#holdAfter}; one use: once released, it holds no more.
 *
 * <p>The pump parks without occupying a thread and without holding locks: control calls (pause,
 * resume messages, close, disconnect) still reach the handlers while a gate holds.
 */
public final class BlockGate {
  private final ChannelId channelId;
  private final long blocks;
  private final Consumer<BlockGate> onRelease;
  private final CountDownLatch held = new CountDownLatch(1);
  private final AtomicBoolean released = new AtomicBoolean();

  BlockGate(ChannelId channelId, long blocks, Consumer<BlockGate> onRelease) {
    if (blocks < 0) {
      throw new IllegalArgumentException("blocks must not be negative, got " + blocks);
    }
    this.channelId = channelId;
    this.blocks = blocks;
    this.onRelease = onRelease;
  }

  /** Returns the channel whose data this gate holds. */
  public ChannelId channelId() {
    return channelId;
  }

  /**
   * Waits until the channel's pump has stopped at this gate.
   *
   * @param timeout how long to wait at most
   * @throws TimeoutException if the pump did not reach the gate in time
   * @throws InterruptedException if the waiting thread was interrupted
   */
  public void awaitHeld(Duration timeout) throws TimeoutException, InterruptedException {
    if (!held.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new TimeoutException(
          "the data of "
              + channelId
              + " did not reach the gate after "
              + blocks
              + " blocks within "
              + timeout);
    }
  }

  /** Tells whether the pump has stopped at this gate (it may since have been released). */
  public boolean wasHeld() {
    return held.getCount() == 0;
  }

  /** Lets the channel's data move on; releasing twice does nothing. */
  public void release() {
    if (released.compareAndSet(false, true)) {
      onRelease.accept(this);
    }
  }

  /**
   * Tells the pump whether to stop here, and records that it did.
   *
   * @param delivered the blocks delivered for the channel so far
   * @return true if the pump must park
   */
  boolean holds(long delivered) {
    if (released.get() || delivered < blocks) {
      return false;
    }
    held.countDown();
    return true;
  }
}
