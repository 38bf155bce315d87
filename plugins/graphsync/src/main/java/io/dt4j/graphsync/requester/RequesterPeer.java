package io.dt4j.graphsync.requester;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.NetworkException;
import io.dt4j.graphsync.RequestCancelledException;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.message.GraphsyncRequest;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.graphsync.network.Counters;
import io.dt4j.graphsync.network.MessageQueue;
import io.dt4j.graphsync.network.SentMessage;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.selector.Selector;
import io.dt4j.ipld.selector.SelectorParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests this node has in progress with one peer (graphsync spec §5.3): it dispatches each
 * received response entry to its request (entries for other ids are ignored), puts received blocks
 * in the peer's {@link UnverifiedBlockCache} — a block no request expects is dropped and the peer
 * logged — then lets every request's traversal use what arrived. Owned by the peer's executor,
 * except {@link #request}.
 */
public final class RequesterPeer {
  private static final Logger log = LoggerFactory.getLogger(RequesterPeer.class);
  private static final int RECENT_IDS = 256;

  private final PeerId peer;
  private final Executor executor;
  private final MessageQueue queue;
  private final GraphsyncHooks hooks;
  private final GraphsyncOptions options;
  private final Blockstore defaultStore;
  private final Function<String, Optional<Blockstore>> persistenceOptions;
  private final ScheduledExecutorService timers;
  private final Counters counters;
  private final UnverifiedBlockCache cache;
  private final Map<Integer, OutgoingRequest> requests = new LinkedHashMap<>();
  private final Set<Integer> recentlyEnded = recentIds();

  /**
   * Creates the requester side of one peer.
   *
   * @param peer the responder
   * @param executor the peer's executor
   * @param queue the peer's outbound queue
   * @param hooks the node's hooks
   * @param options the node's options
   * @param defaultStore where verified blocks go unless a hook picks a persistence option
   * @param persistenceOptions finds a persistence option's blockstore by name
   * @param timers runs idle timeouts
   * @param counters node-wide counters
   */
  public RequesterPeer(
      PeerId peer,
      Executor executor,
      MessageQueue queue,
      GraphsyncHooks hooks,
      GraphsyncOptions options,
      Blockstore defaultStore,
      Function<String, Optional<Blockstore>> persistenceOptions,
      ScheduledExecutorService timers,
      Counters counters) {
    this.peer = peer;
    this.executor = executor;
    this.queue = queue;
    this.hooks = hooks;
    this.options = options;
    this.defaultStore = defaultStore;
    this.persistenceOptions = persistenceOptions;
    this.timers = timers;
    this.counters = counters;
    this.cache = new UnverifiedBlockCache(options.maxUnverifiedBytesPerPeer(), counters);
  }

  /**
   * Starts a request; may be called from any thread.
   *
   * @param request the request, with its id
   * @param listener follows the request
   * @return its handle
   * @throws io.dt4j.ipld.selector.InvalidSelectorException if the selector does not compile
   */
  public RequestHandle request(NewRequest request, RequestListener listener) {
    Selector selector = SelectorParser.parse(request.selector());
    OutgoingRequest outgoing = new OutgoingRequest(this, request, selector, listener);
    executor.execute(() -> start(outgoing));
    return outgoing;
  }

  private void start(OutgoingRequest outgoing) {
    requests.put(outgoing.id(), outgoing);
    outgoing.start();
  }

  /**
   * Handles the response entries and blocks of one received message.
   *
   * @param responses the response entries
   * @param blocks the blocks
   */
  public void responsesReceived(List<GraphsyncResponse> responses, List<Block> blocks) {
    boolean inFlightAfterEnd = false;
    for (GraphsyncResponse response : responses) {
      OutgoingRequest outgoing = requests.get(response.id());
      if (outgoing == null) {
        inFlightAfterEnd |= recentlyEnded.contains(response.id());
        log.debug("ignoring response {} from {}: no such request", response.id(), peer);
      } else {
        outgoing.responseReceived(response);
      }
    }
    int unexpected = 0;
    for (Block block : blocks) {
      switch (cache.offer(block)) {
        case UNEXPECTED -> unexpected += alreadyLoaded(block.cid()) ? 0 : 1;
        case OVER_LIMIT ->
            log.warn(
                "dropping block {} from {}: {} bytes of received blocks are waiting already",
                block.cid(),
                peer,
                cache.bytes());
        default -> {}
      }
    }
    if (unexpected > 0 && inFlightAfterEnd) {
      log.debug("ignoring {} blocks from {} for requests that ended", unexpected, peer);
    } else if (unexpected > 0) {
      log.warn("peer {} sent {} blocks that no request expected; ignored", peer, unexpected);
      counters.unexpectedBlocks(unexpected);
    }
    for (OutgoingRequest outgoing : new ArrayList<>(requests.values())) {
      outgoing.advance();
    }
  }

  /**
   * Fails the requests whose new request or update could not be sent.
   *
   * @param message what the failed message carried
   * @param error why
   */
  public void messageFailed(SentMessage message, Exception error) {
    for (GraphsyncRequest sent : message.requests()) {
      OutgoingRequest outgoing = requests.get(sent.id());
      if (outgoing != null && (sent instanceof NewRequest || sent instanceof UpdateRequest)) {
        outgoing.fail(
            new NetworkException(
                "could not send request " + sent.id() + " to " + peer + ": " + error, error));
      }
    }
  }

  /** Cancels every request (the node is closing). */
  public void close() {
    for (OutgoingRequest outgoing : new ArrayList<>(requests.values())) {
      outgoing.cancelNow(new RequestCancelledException("the graphsync node was closed"));
    }
  }

  /**
   * A copy of a block a request has used already (a re-sent or de-duplicated one) is no surprise.
   */
  private boolean alreadyLoaded(Cid cid) {
    for (OutgoingRequest outgoing : requests.values()) {
      if (outgoing.hasLoaded(cid)) {
        return true;
      }
    }
    return false;
  }

  void remove(OutgoingRequest outgoing) {
    requests.remove(outgoing.id(), outgoing);
    recentlyEnded.add(outgoing.id());
  }

  /** The ids of the last requests that ended, whose in-flight responses are no surprise (§7.11). */
  private static Set<Integer> recentIds() {
    return Collections.newSetFromMap(
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > RECENT_IDS;
          }
        });
  }

  PeerId peer() {
    return peer;
  }

  Executor executor() {
    return executor;
  }

  MessageQueue queue() {
    return queue;
  }

  GraphsyncHooks hooks() {
    return hooks;
  }

  GraphsyncOptions options() {
    return options;
  }

  UnverifiedBlockCache cache() {
    return cache;
  }

  ScheduledExecutorService timers() {
    return timers;
  }

  Blockstore defaultStore() {
    return defaultStore;
  }

  Optional<Blockstore> persistenceOption(String name) {
    return persistenceOptions.apply(name);
  }

  Counters counters() {
    return counters;
  }
}
