package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One graphsync-like request: the recipient asked the sender for a DAG. Holds what the control
 * calls change (the two sides' pauses, the end) under its own lock, never held while a handler
 * runs; the work itself (the open, every block, the messages, the end report) runs as tasks on the
 * channel's serial lane, so one channel's handler calls happen one at a time and in order.
 */
final class LoopbackRequest {
  /** Most resume messages waiting for delivery on one request. */
  static final int MAX_PENDING_MESSAGES = 64;

  /**
   * What a request is asked to move.
   *
   * @param root the root of the DAG
   * @param selector the selector over it
   * @param doNotSendCids blocks the recipient already has
   * @param message the data-transfer message that travels with the request
   */
  record Ask(Cid root, Node selector, Set<Cid> doNotSendCids, TransferMessage message) {
    Ask {
      doNotSendCids = Set.copyOf(doNotSendCids);
    }
  }

  private final ChannelId channelId;
  private final RequestParty requester;
  private final RequestParty responder;
  private final Ask ask;
  private final LoopbackTransportHub hub;
  private final Executor lane;
  private final BlockPump pump;
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final AtomicInteger pendingMessages = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private boolean requesterPaused;
  private boolean responderPaused;
  private boolean ready;
  private boolean pumping;
  private RequestEnd end;

  LoopbackRequest(
      ChannelId channelId,
      RequestParty requester,
      RequestParty responder,
      Ask ask,
      LoopbackTransportHub hub) {
    this.channelId = channelId;
    this.requester = requester;
    this.responder = responder;
    this.ask = ask;
    this.hub = hub;
    this.lane = hub.laneOf(channelId);
    this.pump = new BlockPump(this, hub.ledger());
    // A push responder that accepted paused pauses its new request at once (§5.1 step 4); doing
    // it here, before any block can move, keeps tests deterministic. pauseChannel repeats it.
    this.requesterPaused =
        ask.message() instanceof TransferResponse response && BlockPump.announcesPause(response);
  }

  ChannelId channelId() {
    return channelId;
  }

  Ask ask() {
    return ask;
  }

  RequestParty party(Side side) {
    return side == Side.REQUESTER ? requester : responder;
  }

  /** Returns the side {@code transport} serves, if it serves one. */
  Optional<Side> sideOf(LoopbackTransport transport) {
    if (requester.isServedBy(transport)) {
      return Optional.of(Side.REQUESTER);
    }
    return responder.isServedBy(transport) ? Optional.of(Side.RESPONDER) : Optional.empty();
  }

  boolean involves(PeerId peer) {
    return requester.peer().equals(peer) || responder.peer().equals(peer);
  }

  boolean connects(PeerId a, PeerId b) {
    return involves(a) && involves(b);
  }

  /** Queues the open on the lane; the returned stage completes once the requester opened it. */
  CompletionStage<Void> start() {
    lane.execute(pump::open);
    return opened.minimalCompletionStage();
  }

  void markOpened() {
    opened.complete(null);
  }

  void failOpen(Throwable cause) {
    opened.completeExceptionally(cause);
  }

  /** Lets the pump run from now on; called by the open task once the request is set up. */
  void startPumping() {
    lock.lock();
    try {
      ready = true;
    } finally {
      lock.unlock();
    }
    ensurePumping();
  }

  void pause(Side side) {
    flag(side, true);
  }

  /** Clears {@code side}'s pause (a handler said resume) and lets the pump go on. */
  void unpause(Side side) {
    flag(side, false);
    ensurePumping();
  }

  /**
   * Clears {@code side}'s pause now, and carries {@code message} to the other side on the lane; the
   * pump continues after the message (data-transfer.md §5.3, §6.4).
   */
  CompletionStage<Void> resume(Side side, TransferMessage message) {
    if (pendingMessages.incrementAndGet() > MAX_PENDING_MESSAGES) {
      pendingMessages.decrementAndGet();
      return CompletableFuture.failedStage(
          new DataTransferException(
              "too many resume messages waiting on "
                  + channelId
                  + " (max "
                  + MAX_PENDING_MESSAGES
                  + ")"));
    }
    flag(side, false);
    lane.execute(
        () -> {
          pendingMessages.decrementAndGet();
          pump.resume(side, message);
        });
    return CompletableFuture.completedStage(null);
  }

  private void flag(Side side, boolean paused) {
    lock.lock();
    try {
      if (side == Side.REQUESTER) {
        requesterPaused = paused;
      } else {
        responderPaused = paused;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Schedules the pump unless it is running, parked for a reason that still holds, or done. */
  void ensurePumping() {
    lock.lock();
    try {
      if (end != null || !ready || pumping || requesterPaused || responderPaused) {
        return;
      }
      pumping = true;
    } finally {
      lock.unlock();
    }
    lane.execute(pump::step);
  }

  /** Schedules the pump's next step after a block, with the hub's per-block delay if any. */
  void continuePumping() {
    if (!isEnded()) {
      hub.afterBlockDelay(() -> lane.execute(pump::step));
    }
  }

  /**
   * Asked by the pump before each block. When data may not move (a pause, a stall, a gate), the
   * pump parks: it stops until {@link #ensurePumping()} is called again.
   */
  boolean mayMoveData() {
    lock.lock();
    try {
      if (end != null) {
        return false;
      }
      if (!requesterPaused
          && !responderPaused
          && !hub.isStalled(channelId)
          && !hub.gateHolds(channelId)) {
        return true;
      }
      pumping = false;
      return false;
    } finally {
      lock.unlock();
    }
  }

  boolean isEnded() {
    lock.lock();
    try {
      return end != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the request once: no more data moves, the hub forgets it, and the sides still listening
   * hear about it on the lane, after whatever the lane is doing.
   *
   * @return false if it had already ended
   */
  boolean end(RequestEnd how) {
    lock.lock();
    try {
      if (end != null) {
        return false;
      }
      end = how;
    } finally {
      lock.unlock();
    }
    hub.forget(this);
    lane.execute(() -> how.report(this));
    return true;
  }

  @Override
  public String toString() {
    return "request " + channelId + " from " + requester.peer() + " to " + responder.peer();
  }
}
