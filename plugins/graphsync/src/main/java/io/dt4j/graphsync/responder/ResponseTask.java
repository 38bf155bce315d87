package io.dt4j.graphsync.responder;

import io.dt4j.graphsync.extensions.DedupKey;
import io.dt4j.graphsync.extensions.DoNotSendCids;
import io.dt4j.graphsync.extensions.DoNotSendFirstBlocks;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.MalformedExtensionException;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.hooks.IncomingRequestHook;
import io.dt4j.graphsync.hooks.OutgoingBlockHook;
import io.dt4j.graphsync.hooks.RequestUpdatedHook;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.graphsync.network.ResponseOperation;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.selector.InvalidSelectorException;
import io.dt4j.ipld.selector.SelectorParser;
import io.dt4j.ipld.traversal.BlockEvent;
import io.dt4j.ipld.traversal.Traversal;
import io.dt4j.ipld.traversal.TraversalCursor;
import io.dt4j.ipld.traversal.TraversalOptions;
import io.dt4j.ipld.traversal.TraversalVisitor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One response this node serves (graphsync spec §5.1): queued, then started by the incoming-request
 * hooks, then advanced one link load per {@link #step()} — each load one transaction: its metadata
 * entry, the block unless de-duplicated or not wanted, the outgoing-block hooks' extension data and
 * any pause or end status. Updates are applied before the next load, or at once while paused. The
 * traversal holds only its own path through the DAG. Owned by the peer's executor.
 */
final class ResponseTask {
  private static final Logger log = LoggerFactory.getLogger(ResponseTask.class);

  /** Where the response is in its life. */
  enum State {
    QUEUED,
    RUNNING,
    PAUSED,
    DONE
  }

  private final ResponderPeer owner;
  private final NewRequest request;
  private final String context;
  private final Deque<UpdateRequest> updates = new ArrayDeque<>();
  private State state = State.QUEUED;
  private TraversalCursor cursor;
  private DedupSets.SentBlocks dedup;
  private Set<Cid> doNotSend = Set.of();
  private long doNotSendFirst;
  private long loads;
  private boolean anyMissing;

  ResponseTask(ResponderPeer owner, NewRequest request) {
    this.owner = owner;
    this.request = request;
    this.context = "request " + request.id() + " from " + owner.peer();
  }

  NewRequest request() {
    return request;
  }

  State state() {
    return state;
  }

  /** Runs the incoming-request hooks and prepares the traversal, or ends the response. */
  void start() {
    ResponseHookActions actions = new ResponseHookActions();
    for (IncomingRequestHook hook : owner.hooks().incomingRequestHooks()) {
      runHook(() -> hook.onIncomingRequest(owner.peer(), request, actions), actions);
    }
    Extensions extensions = actions.extensions();
    if (actions.error() != null) {
      finish(ResponseStatusCode.REQUEST_FAILED_UNKNOWN, extensions, actions.error());
    } else if (!actions.validated() && !owner.validatedByDefault(request)) {
      finish(ResponseStatusCode.REQUEST_FAILED_UNKNOWN, extensions, "not validated");
    } else {
      String option = actions.persistenceOption();
      Optional<Blockstore> store =
          option == null ? Optional.of(owner.defaultStore()) : owner.persistenceOption(option);
      if (store.isEmpty()) {
        finish(ResponseStatusCode.REQUEST_FAILED_UNKNOWN, extensions, "no persistence " + option);
      } else if (prepare(store.get(), extensions)) {
        state = actions.pause() ? State.PAUSED : State.RUNNING;
        if (actions.pause() || !extensions.isEmpty()) {
          send(extensions, actions.pause() ? ResponseStatusCode.REQUEST_PAUSED : null);
        }
      }
    }
  }

  /** Reads the request's extensions and selector; ends the response with 32 if one is bad. */
  private boolean prepare(Blockstore store, Extensions extensions) {
    Extensions ext = request.extensions();
    try {
      Optional<byte[]> key = ext.get(ExtensionNames.DEDUP_BY_KEY);
      Optional<String> dedupKey =
          key.isPresent() ? Optional.of(DedupKey.decode(key.get())) : Optional.empty();
      Optional<byte[]> cids = ext.get(ExtensionNames.DO_NOT_SEND_CIDS);
      doNotSend = cids.isPresent() ? DoNotSendCids.decode(cids.get()) : Set.of();
      Optional<byte[]> first = ext.get(ExtensionNames.DO_NOT_SEND_FIRST_BLOCKS);
      doNotSendFirst = first.isPresent() ? DoNotSendFirstBlocks.decode(first.get()) : 0;
      cursor =
          Traversal.over(BlockLoader.of(store))
              .withOptions(
                  TraversalOptions.defaults().withMissingBlocks(owner.options().missingBlocks()))
              .start(
                  request.root(),
                  SelectorParser.parse(request.selector()),
                  TraversalVisitor.CONTINUE_ALL);
      dedup = owner.dedupSets().acquire(dedupKey);
      return true;
    } catch (MalformedExtensionException | InvalidSelectorException e) {
      finish(ResponseStatusCode.REQUEST_FAILED_UNKNOWN, extensions, e.getMessage());
      return false;
    }
  }

  /** Applies pending updates, then does the next link load: one transaction. */
  void step() {
    while (!updates.isEmpty() && state == State.RUNNING) {
      applyUpdate(updates.poll());
    }
    if (state != State.RUNNING) {
      return;
    }
    Optional<BlockEvent> event;
    try {
      event = cursor.nextBlock();
    } catch (IOException | RuntimeException e) {
      log.warn("traversal of {} failed: {}", context, e.toString());
      finish(ResponseStatusCode.REQUEST_FAILED_UNKNOWN, Extensions.none(), e.getMessage());
      return;
    }
    if (event.isEmpty()) {
      finish(
          anyMissing
              ? ResponseStatusCode.REQUEST_COMPLETED_PARTIAL
              : ResponseStatusCode.REQUEST_COMPLETED_FULL,
          Extensions.none(),
          null);
    } else if (event.get() instanceof BlockEvent.Loaded loaded) {
      blockLoaded(loaded);
    } else {
      blockMissing(event.get().cid());
    }
  }

  private void blockMissing(Cid cid) {
    LinkMetadata entry = new LinkMetadata(cid, false);
    if (loads++ == 0) {
      // the root: nothing to traverse (§5.1 step 4, v0.6.8+/v0.9+ status)
      queue(
          Optional.of(entry),
          null,
          0,
          Extensions.none(),
          ResponseStatusCode.REQUEST_FAILED_CONTENT_NOT_FOUND);
      done();
      return;
    }
    anyMissing = true;
    queue(Optional.of(entry), null, 0, Extensions.none(), null);
  }

  private void blockLoaded(BlockEvent.Loaded loaded) {
    Cid cid = loaded.cid();
    int size = loaded.size();
    loads++;
    if (size > owner.maxBlockBytes()) {
      finish(
          ResponseStatusCode.REQUEST_FAILED_UNKNOWN,
          Extensions.none(),
          "block " + cid + " of " + size + " bytes does not fit a message");
      return;
    }
    boolean send = !dedup.contains(cid) && !doNotSend.contains(cid) && loads > doNotSendFirst;
    BlockData block = new BlockData(cid, size, send ? size : 0);
    ResponseHookActions actions = new ResponseHookActions();
    for (OutgoingBlockHook hook : owner.hooks().outgoingBlockHooks()) {
      runHook(() -> hook.onOutgoingBlock(owner.peer(), request, block, actions), actions);
    }
    if (send) {
      dedup.add(cid);
    }
    ResponseStatusCode status = null;
    if (actions.error() != null) {
      status = ResponseStatusCode.REQUEST_FAILED_UNKNOWN;
      log.info("{} ended by a hook: {}", context, actions.error());
    } else if (actions.pause()) {
      status = ResponseStatusCode.REQUEST_PAUSED;
    }
    Block bytes = send ? Block.adopt(cid, loaded.dataUnsafe()) : null;
    queue(Optional.of(new LinkMetadata(cid, true)), bytes, size, actions.extensions(), status);
    if (actions.error() != null) {
      done();
    } else if (actions.pause()) {
      state = State.PAUSED;
    }
  }

  /** Takes an update: applied before the next load, or now when paused (§3.4). */
  void update(UpdateRequest update) {
    if (state == State.PAUSED) {
      applyUpdate(update);
    } else if (state != State.DONE) {
      updates.add(update);
    }
  }

  private void applyUpdate(UpdateRequest update) {
    ResponseHookActions actions = new ResponseHookActions();
    for (RequestUpdatedHook hook : owner.hooks().requestUpdatedHooks()) {
      runHook(() -> hook.onRequestUpdated(owner.peer(), request, update, actions), actions);
    }
    if (actions.error() != null) {
      finish(ResponseStatusCode.REQUEST_FAILED_UNKNOWN, actions.extensions(), actions.error());
      return;
    }
    if (!actions.extensions().isEmpty()) {
      send(actions.extensions(), null);
    }
    if (actions.unpause() && state == State.PAUSED) {
      state = State.RUNNING;
      owner.resumed(this);
    }
  }

  /** Pauses a running response (status 15); nothing if it is paused already. */
  void pause() {
    if (state == State.RUNNING) {
      state = State.PAUSED;
      send(Extensions.none(), ResponseStatusCode.REQUEST_PAUSED);
    }
  }

  /** Resumes a paused response, sending the extension data first. */
  void unpause(Extensions extensions) {
    if (!extensions.isEmpty()) {
      send(extensions, null);
    }
    if (state == State.PAUSED) {
      state = State.RUNNING;
      owner.resumed(this);
    }
  }

  /** Ends the response with status 35 (the responder cancelled it). */
  void cancel() {
    finish(ResponseStatusCode.REQUEST_CANCELLED, Extensions.none(), "cancelled by the responder");
  }

  /** Drops the response without a word (the requester cancelled, or it cannot be sent). */
  void abandon() {
    done();
  }

  private void finish(ResponseStatusCode status, Extensions extensions, String reason) {
    if (reason != null) {
      log.debug("{} ends with {}: {}", context, status.goName(), reason);
    }
    send(extensions, status);
    done();
  }

  private void done() {
    if (state == State.DONE) {
      return;
    }
    state = State.DONE;
    if (dedup != null) {
      owner.dedupSets().release(dedup);
    }
    owner.finished(this);
  }

  private void send(Extensions extensions, ResponseStatusCode status) {
    queue(Optional.empty(), null, 0, extensions, status);
  }

  private void queue(
      Optional<LinkMetadata> link,
      Block block,
      int size,
      Extensions extensions,
      ResponseStatusCode status) {
    owner
        .queue()
        .addOperation(
            new ResponseOperation(
                request,
                link,
                Optional.ofNullable(block),
                size,
                extensions,
                Optional.ofNullable(status)));
  }

  private void runHook(Runnable hook, ResponseHookActions actions) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      log.warn("a responder hook failed for {}", context, e);
      actions.terminateWithError("hook failed: " + e);
    }
  }
}
