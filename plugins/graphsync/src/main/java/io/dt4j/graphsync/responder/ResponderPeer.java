package io.dt4j.graphsync.responder;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.NetworkException;
import io.dt4j.graphsync.RequestNotFoundException;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.hooks.BlockSentListener;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.hooks.IncomingRequestQueuedHook;
import io.dt4j.graphsync.hooks.NetworkErrorListener;
import io.dt4j.graphsync.hooks.RequestorCancelledListener;
import io.dt4j.graphsync.hooks.ResponseCompletedListener;
import io.dt4j.graphsync.message.CancelRequest;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncRequest;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.graphsync.network.MessageQueue;
import io.dt4j.graphsync.network.ResponseOperation;
import io.dt4j.graphsync.network.SentMessage;
import io.dt4j.ipld.Blockstore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responses this node serves to one peer (graphsync spec §5.1, §3.3–3.5). New requests wait in
 * a queue and start while fewer than the configured number run; running ones take turns, a few link
 * loads each, as long as the peer's outbound queue has room, so one slow peer or one large DAG
 * holds a bounded amount of memory. A cancel drops a response silently; an update goes to its
 * response; a new request with the id of one in progress replaces it. Owned by the peer's executor.
 */
public final class ResponderPeer {
  private static final Logger log = LoggerFactory.getLogger(ResponderPeer.class);
  private static final int LOADS_PER_TURN = 8;
  private static final int LOADS_PER_RUN = 16;
  private static final int MESSAGE_OVERHEAD = 64 << 10;

  private final PeerId peer;
  private final Executor executor;
  private final MessageQueue queue;
  private final GraphsyncHooks hooks;
  private final GraphsyncOptions options;
  private final Blockstore defaultStore;
  private final Function<String, Optional<Blockstore>> persistenceOptions;
  private final DedupSets dedupSets = new DedupSets();
  private final Map<Integer, ResponseTask> responses = new LinkedHashMap<>();
  private final Deque<ResponseTask> waiting = new ArrayDeque<>();
  private final Deque<ResponseTask> runnable = new ArrayDeque<>();
  private boolean runScheduled;

  /**
   * Creates the responder side of one peer.
   *
   * @param peer the requester
   * @param executor the peer's executor
   * @param queue the peer's outbound queue
   * @param hooks the node's hooks
   * @param options the node's options
   * @param defaultStore where blocks are read unless a hook picks a persistence option
   * @param persistenceOptions finds a persistence option's blockstore by name
   */
  public ResponderPeer(
      PeerId peer,
      Executor executor,
      MessageQueue queue,
      GraphsyncHooks hooks,
      GraphsyncOptions options,
      Blockstore defaultStore,
      Function<String, Optional<Blockstore>> persistenceOptions) {
    this.peer = peer;
    this.executor = executor;
    this.queue = queue;
    this.hooks = hooks;
    this.options = options;
    this.defaultStore = defaultStore;
    this.persistenceOptions = persistenceOptions;
  }

  /**
   * Takes a request entry from the peer.
   *
   * @param request a new request, cancel or update
   */
  public void requestReceived(GraphsyncRequest request) {
    ResponseTask current = responses.get(request.id());
    if (request instanceof NewRequest open) {
      if (current != null) {
        log.debug("request {} from {} replaces the one in progress", open.id(), peer);
        current.abandon();
      }
      ResponseTask task = new ResponseTask(this, open);
      responses.put(open.id(), task);
      waiting.add(task);
      for (IncomingRequestQueuedHook hook : hooks.requestQueuedHooks()) {
        notify(() -> hook.onRequestQueued(peer, open));
      }
    } else if (current == null) {
      log.debug("ignoring {} from {}: no such response", request, peer);
    } else if (request instanceof UpdateRequest update) {
      current.update(update);
    } else if (request instanceof CancelRequest) {
      current.abandon();
      for (RequestorCancelledListener listener : hooks.requestorCancelledListeners()) {
        notify(() -> listener.onRequestorCancelled(peer, current.request()));
      }
    }
  }

  /**
   * Starts waiting responses and advances running ones while the outbound queue has room; yields
   * the executor after a while and continues later.
   */
  public void runResponses() {
    runScheduled = false;
    startWaiting();
    int loads = 0;
    while (queue.hasCapacity() && loads < LOADS_PER_RUN) {
      ResponseTask task = runnable.poll();
      if (task == null) {
        return;
      }
      for (int i = 0; i < LOADS_PER_TURN && task.state() == ResponseTask.State.RUNNING; i++) {
        task.step();
        loads++;
        if (!queue.hasCapacity()) {
          break;
        }
      }
      if (task.state() == ResponseTask.State.RUNNING) {
        runnable.add(task);
      }
    }
    if (queue.hasCapacity() && !runnable.isEmpty() && !runScheduled) {
      runScheduled = true;
      executor.execute(this::runResponses);
    }
  }

  private void startWaiting() {
    while (!waiting.isEmpty() && running() < options.maxInProgressResponses()) {
      ResponseTask task = waiting.poll();
      if (task.state() != ResponseTask.State.QUEUED) {
        continue;
      }
      task.start();
      if (task.state() == ResponseTask.State.RUNNING) {
        runnable.add(task);
      }
    }
  }

  private long running() {
    return responses.values().stream()
        .filter(task -> task.state() == ResponseTask.State.RUNNING)
        .count();
  }

  /**
   * Pauses a response.
   *
   * @param id the request id
   * @throws RequestNotFoundException if there is no such response
   */
  public void pause(int id) throws RequestNotFoundException {
    find(id).pause();
  }

  /**
   * Resumes a response, sending extension data first.
   *
   * @param id the request id
   * @param extensions the extension data
   * @throws RequestNotFoundException if there is no such response
   */
  public void unpause(int id, Extensions extensions) throws RequestNotFoundException {
    find(id).unpause(extensions);
    runResponses();
  }

  /**
   * Cancels a response with status 35.
   *
   * @param id the request id
   * @throws RequestNotFoundException if there is no such response
   */
  public void cancel(int id) throws RequestNotFoundException {
    find(id).cancel();
  }

  private ResponseTask find(int id) throws RequestNotFoundException {
    ResponseTask task = responses.get(id);
    if (task == null) {
      throw new RequestNotFoundException("no response to request " + id + " from " + peer);
    }
    return task;
  }

  /**
   * Tells the listeners what a written message carried: blocks sent, responses completed.
   *
   * @param message the message
   */
  public void messageSent(SentMessage message) {
    for (ResponseOperation operation : message.operations()) {
      operation
          .link()
          .filter(link -> link.blockPresent())
          .ifPresent(
              link -> {
                BlockData block =
                    new BlockData(link.link(), operation.blockSize(), operation.wireBlockBytes());
                for (BlockSentListener listener : hooks.blockSentListeners()) {
                  notify(() -> listener.onBlockSent(peer, operation.request(), block));
                }
              });
      operation
          .status()
          .filter(status -> status.isTerminal())
          .ifPresent(
              status -> {
                for (ResponseCompletedListener listener : hooks.responseCompletedListeners()) {
                  notify(() -> listener.onResponseCompleted(peer, operation.request(), status));
                }
              });
    }
  }

  /**
   * Abandons the responses a failed message carried and tells the network-error listeners.
   *
   * @param message the message
   * @param error why it failed
   */
  public void messageFailed(SentMessage message, Exception error) {
    Set<NewRequest> affected = new LinkedHashSet<>();
    for (ResponseOperation operation : message.operations()) {
      affected.add(operation.request());
    }
    for (NewRequest request : affected) {
      ResponseTask task = responses.get(request.id());
      if (task != null && task.request() == request) {
        task.abandon();
      }
      for (NetworkErrorListener listener : hooks.networkErrorListeners()) {
        notify(() -> listener.onNetworkError(peer, request, error));
      }
    }
  }

  /**
   * The peer disconnected: what its responses had queued is dropped and reported failed, and every
   * response still going is abandoned with a network error, so that none of them completes over a
   * later connection (the requester restarts its transfer with a new request instead).
   */
  public void disconnected() {
    Exception error = new NetworkException("peer " + peer + " disconnected", null);
    // nothing may start while they are abandoned
    waiting.clear();
    runnable.clear();
    queue.dropResponses(error);
    for (ResponseTask task : new ArrayList<>(responses.values())) {
      task.abandon();
      for (NetworkErrorListener listener : hooks.networkErrorListeners()) {
        notify(() -> listener.onNetworkError(peer, task.request(), error));
      }
    }
  }

  /** Drops every response (the node is closing). */
  public void close() {
    for (ResponseTask task : new ArrayList<>(responses.values())) {
      task.abandon();
    }
  }

  void finished(ResponseTask task) {
    responses.remove(task.request().id(), task);
    startWaiting();
  }

  void resumed(ResponseTask task) {
    runnable.add(task);
  }

  boolean validatedByDefault(NewRequest request) {
    return switch (options.validation()) {
      case ALL -> true;
      case HOOKS_ONLY -> false;
      case DEPTH_LIMITED -> SelectorDepthLimit.accepts(request.selector());
    };
  }

  /** The largest block a message can carry. */
  int maxBlockBytes() {
    return options.maxMessageBytes() - MESSAGE_OVERHEAD;
  }

  PeerId peer() {
    return peer;
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

  DedupSets dedupSets() {
    return dedupSets;
  }

  Blockstore defaultStore() {
    return defaultStore;
  }

  Optional<Blockstore> persistenceOption(String name) {
    return persistenceOptions.apply(name);
  }

  private void notify(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      log.warn("a responder listener failed for peer {}", peer, e);
    }
  }
}
