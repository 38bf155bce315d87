package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.DisconnectedException;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.PeerId;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * An in-process network of {@link PauseableTransport}s that move blocks between the blockstores of
 * nodes in one JVM the way go-data-transfer's graphsync transport does, as the manager sees it
 * (data-transfer.md §5, §6.2–6.4): the data recipient opens a request carrying a data-transfer
 * message, the sender's handler answers, a pump walks the selector over the sender's store and
 * hands each block through the sender's and the recipient's hooks, and either side can pause,
 * resume with a message, or cancel.
 *
 * <pre>{@code
 * try (LoopbackTransportHub hub = new LoopbackTransportHub()) {
 *   PauseableTransport alice = hub.attach(ALICE, aliceStore);
 *   PauseableTransport bob = hub.attach(BOB, bobStore);
 *   BlockGate gate = hub.holdAfter(chid, 10);   // stop after 10 blocks
 *   ... alice.openChannel(BOB, chid, root, Selectors.EXPLORE_ALL, Set.of(), newPullRequest) ...
 *   gate.awaitHeld(Duration.ofSeconds(5));
 *   hub.disconnect(ALICE, BOB);                  // both handlers hear a network error
 * }
 * }</pre>
 *
 * <p>Threads: every handler call of a channel runs on that channel's serial lane, on a bounded pool
 * the hub owns, never on the caller's thread and never under a hub lock. The stage that {@code
 * openChannel} returns completes once the requester's {@code onChannelOpened} returned, before the
 * sender hears the request. A handler that throws a {@link RuntimeException} ends the request as a
 * failure of its side and is logged.
 *
 * <p>Where a Go hook returns a message and an error together (a validation or revalidation result
 * with {@code ErrPause} or an error), a Java hook returns the message only; the transport reads the
 * rest from the response, whose flags Go ties to that error (§2.4: {@code Acpt} = no error, pause
 * or resume; {@code Paus} = pause). A New, Restart, VoucherResult or Complete response that
 * announces a pause pauses the side that produced it (after the block it came with); one that
 * rejects ends the request after it was delivered. A request opened with a response that announces
 * a pause (a push accepted paused, §5.1 step 4) starts paused on the requester's side.
 */
public final class LoopbackTransportHub implements AutoCloseable {
  /** Pump threads of a hub made with the no-argument constructor. */
  public static final int DEFAULT_PUMP_THREADS = 4;

  /** Open requests of a hub made with the no-argument constructor. */
  public static final int DEFAULT_MAX_OPEN_REQUESTS = 256;

  /**
   * A node's side of a request.
   *
   * @param request the request
   * @param side the node's side
   */
  record Role(LoopbackRequest request, Side side) {}

  private final Map<PeerId, LoopbackTransport> nodes = new ConcurrentHashMap<>();
  private final Map<ChannelId, LoopbackRequest> requests = new ConcurrentHashMap<>();
  private final Set<Set<PeerId>> cutLinks = ConcurrentHashMap.newKeySet();
  private final Set<ChannelId> stalled = ConcurrentHashMap.newKeySet();
  private final Map<ChannelId, BlockGate> gates = new ConcurrentHashMap<>();
  private final WireLedger ledger = new WireLedger();
  private final ReentrantLock registry = new ReentrantLock();
  private final PumpThreads threads;
  private final int maxOpenRequests;
  private volatile Duration blockDelay = Duration.ZERO;
  private volatile boolean closed;

  /** Creates a hub with {@value #DEFAULT_PUMP_THREADS} pump threads. */
  public LoopbackTransportHub() {
    this(DEFAULT_PUMP_THREADS, DEFAULT_MAX_OPEN_REQUESTS);
  }

  /**
   * Creates a hub.
   *
   * @param pumpThreads the threads that run all handler calls and block moves
   * @param maxOpenRequests the most requests open at once; more fail to open
   */
  public LoopbackTransportHub(int pumpThreads, int maxOpenRequests) {
    if (pumpThreads < 1 || maxOpenRequests < 1) {
      throw new IllegalArgumentException(
          "pumpThreads and maxOpenRequests must be positive, got "
              + pumpThreads
              + " and "
              + maxOpenRequests);
    }
    this.maxOpenRequests = maxOpenRequests;
    // Lanes with work are bounded by the open requests plus the ended ones still reporting.
    this.threads = new PumpThreads(pumpThreads, 4 * maxOpenRequests);
  }

  /**
   * Gives a node its transport. Attaching a node again replaces its transport, like a process
   * restart: the old one's requests die as on a disconnect (only the other sides hear about it),
   * the old handler hears nothing more and the old transport's operations fail.
   *
   * @param self the node
   * @param store where the node's blocks are read from and written to
   * @return the node's transport, without a handler yet
   */
  public PauseableTransport attach(PeerId self, Blockstore store) {
    registry.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the loopback hub is closed");
      }
      LoopbackTransport fresh = new LoopbackTransport(this, self, store);
      LoopbackTransport old = nodes.put(self, fresh);
      if (old != null) {
        old.close("a new transport was attached for " + self);
        endAll(
            request -> request.involves(self),
            new RequestEnd.NetworkLost("stream reset: peer " + self + " restarted"));
      }
      return fresh;
    } finally {
      registry.unlock();
    }
  }

  /**
   * Breaks the link between two nodes: their requests stop, the data sender's handler hears {@code
   * onSendDataError} and the recipient's {@code onReceiveDataError}, and opening a channel between
   * them fails with {@link DisconnectedException} until {@link #reconnect}.
   *
   * @param a one node
   * @param b the other node
   */
  public void disconnect(PeerId a, PeerId b) {
    registry.lock();
    try {
      cutLinks.add(link(a, b));
      endAll(
          request -> request.connects(a, b),
          new RequestEnd.NetworkLost(
              "stream reset: the link between " + a + " and " + b + " went down"));
    } finally {
      registry.unlock();
    }
  }

  /**
   * Restores the link between two nodes; requests that stopped stay stopped.
   *
   * @param a one node
   * @param b the other node
   */
  public void reconnect(PeerId a, PeerId b) {
    cutLinks.remove(link(a, b));
  }

  /**
   * Stops moving a channel's data without telling anybody, as a stuck peer would; control calls and
   * messages still work.
   *
   * @param channelId the channel, for this and later requests
   */
  public void stall(ChannelId channelId) {
    stalled.add(channelId);
  }

  /**
   * Lets a stalled channel's data move again.
   *
   * @param channelId the channel
   */
  public void unstall(ChannelId channelId) {
    stalled.remove(channelId);
    wake(channelId);
  }

  /**
   * Holds a channel's data once {@code blocks} blocks were delivered for it (over all its requests,
   * see {@link #blocksOnWire}), until the gate is released. A new gate for the channel releases the
   * one before.
   *
   * @param channelId the channel
   * @param blocks the blocks to deliver before holding; 0 holds before the first
   * @return the gate
   */
  public BlockGate holdAfter(ChannelId channelId, int blocks) {
    BlockGate gate = new BlockGate(channelId, blocks, this::released);
    BlockGate before = gates.put(channelId, gate);
    if (before != null) {
      before.release();
    }
    return gate;
  }

  /**
   * Slows every pump down: each waits this long after a block before the next one, without holding
   * a thread (for channel-monitor data-rate tests).
   *
   * @param perBlock the delay; zero for full speed
   */
  public void setBlockDelay(Duration perBlock) {
    if (perBlock.isNegative()) {
      throw new IllegalArgumentException("the block delay must not be negative, got " + perBlock);
    }
    blockDelay = perBlock;
  }

  /**
   * Returns how many blocks reached the recipient of a channel, over all its requests; skipped
   * blocks ({@code doNotSendCids}, repeats within a request) are not counted.
   *
   * @param channelId the channel
   * @return the count
   */
  public long blocksOnWire(ChannelId channelId) {
    return ledger.blocks(channelId);
  }

  /**
   * Returns the CIDs of the blocks that reached the recipient of a channel, in delivery order, one
   * entry per delivery: a CID listed twice was transferred twice.
   *
   * @param channelId the channel
   * @return a snapshot
   */
  public List<Cid> deliveredCids(ChannelId channelId) {
    return ledger.cids(channelId);
  }

  /** Returns how many requests are open (not yet completed, failed, cancelled or cut). */
  public int openRequests() {
    return requests.size();
  }

  /** Ends every request without telling anybody and stops the hub's threads. */
  @Override
  public void close() {
    registry.lock();
    try {
      closed = true;
      nodes.values().forEach(node -> node.close("the loopback hub was closed"));
      endAll(request -> true, new RequestEnd.Silent());
    } finally {
      registry.unlock();
    }
    threads.stop();
  }

  CompletionStage<Void> open(
      LoopbackTransport from, PeerId dataSender, ChannelId channelId, LoopbackRequest.Ask ask) {
    PeerId self = from.peer();
    LoopbackRequest request;
    registry.lock();
    try {
      Optional<DataTransferException> refusal = refusal(self, dataSender);
      if (refusal.isPresent()) {
        return CompletableFuture.failedStage(refusal.get());
      }
      // §6.4: an open while a request for the channel exists cancels that request first.
      LoopbackRequest old = requests.get(channelId);
      if (old != null) {
        old.end(new RequestEnd.CancelledByRequester(LoopbackTransport.CANCELLED));
      }
      if (requests.size() >= maxOpenRequests) {
        return CompletableFuture.failedStage(
            new DataTransferException(
                "the loopback hub has " + maxOpenRequests + " requests open, its maximum"));
      }
      RequestParty sender = new RequestParty(nodes.get(dataSender));
      request = new LoopbackRequest(channelId, new RequestParty(from), sender, ask, this);
      requests.put(channelId, request);
    } finally {
      registry.unlock();
    }
    return request.start();
  }

  /** Returns why a request from {@code self} to {@code dataSender} cannot be sent, if it cannot. */
  private Optional<DataTransferException> refusal(PeerId self, PeerId dataSender) {
    if (closed) {
      return Optional.of(new TransportClosedException(self, "the loopback hub was closed"));
    }
    if (self.equals(dataSender)) {
      return Optional.of(
          new DataTransferException("cannot open a channel from " + self + " to itself"));
    }
    if (cutLinks.contains(link(self, dataSender))) {
      return Optional.of(
          new DisconnectedException(
              "the loopback link between " + self + " and " + dataSender + " is down"));
    }
    LoopbackTransport sender = nodes.get(dataSender);
    if (sender == null || sender.liveHandler().isEmpty()) {
      return Optional.of(
          new DisconnectedException(dataSender + " has no started transport on the loopback hub"));
    }
    return Optional.empty();
  }

  /** Returns {@code transport}'s side of the open request of a channel, if it has one. */
  Optional<Role> roleOf(LoopbackTransport transport, ChannelId channelId) {
    LoopbackRequest request = requests.get(channelId);
    return request == null
        ? Optional.empty()
        : request.sideOf(transport).map(side -> new Role(request, side));
  }

  /**
   * Cancels every request of a transport that shut down, each from its own side. Unlike a close of
   * one channel, which the requester does not hear of, a node that goes away fails the requests it
   * served: the requester's graphsync sees the responses end without a final status.
   */
  void cancelAllOf(LoopbackTransport transport) {
    RequestEnd asResponder =
        new RequestEnd.FailedAtRequester("response cancelled by responder " + transport.peer());
    for (LoopbackRequest request : List.copyOf(requests.values())) {
      request
          .sideOf(transport)
          .ifPresent(
              side ->
                  request.end(
                      side == Side.REQUESTER
                          ? new RequestEnd.CancelledByRequester(LoopbackTransport.CANCELLED)
                          : asResponder));
    }
  }

  void forget(LoopbackRequest request) {
    requests.remove(request.channelId(), request);
  }

  Executor laneOf(ChannelId channelId) {
    return threads.laneOf(channelId);
  }

  WireLedger ledger() {
    return ledger;
  }

  boolean isStalled(ChannelId channelId) {
    return stalled.contains(channelId);
  }

  boolean gateHolds(ChannelId channelId) {
    BlockGate gate = gates.get(channelId);
    return gate != null && gate.holds(ledger.blocks(channelId));
  }

  /** Runs {@code next} now, or after the per-block delay on the timer. */
  void afterBlockDelay(Runnable next) {
    threads.later(blockDelay, next);
  }

  private void released(BlockGate gate) {
    gates.remove(gate.channelId(), gate);
    wake(gate.channelId());
  }

  private void wake(ChannelId channelId) {
    LoopbackRequest request = requests.get(channelId);
    if (request != null) {
      request.ensurePumping();
    }
  }

  private void endAll(Predicate<LoopbackRequest> which, RequestEnd how) {
    for (LoopbackRequest request : List.copyOf(requests.values())) {
      if (which.test(request)) {
        request.end(how);
      }
    }
  }

  /** The key of the link between two nodes, whichever way round. */
  private static Set<PeerId> link(PeerId a, PeerId b) {
    if (a.equals(b)) {
      throw new IllegalArgumentException("a node has no link to itself: " + a);
    }
    return Set.of(a, b);
  }
}
