package io.dt4j.graphsync.requester;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.GraphsyncException;
import io.dt4j.graphsync.RequestCancelledException;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.RequestNotFoundException;
import io.dt4j.graphsync.RequestNotPausedException;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.RequestTerminatedException;
import io.dt4j.graphsync.RequestTimeoutException;
import io.dt4j.graphsync.ResponderFailedException;
import io.dt4j.graphsync.TraversalFailedException;
import io.dt4j.graphsync.extensions.DedupKey;
import io.dt4j.graphsync.extensions.DoNotSendCids;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.MalformedExtensionException;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.hooks.IncomingBlockHook;
import io.dt4j.graphsync.hooks.IncomingResponseHook;
import io.dt4j.graphsync.hooks.OutgoingRequestHook;
import io.dt4j.graphsync.hooks.RequestFinishedListener;
import io.dt4j.graphsync.message.CancelRequest;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.selector.Selector;
import io.dt4j.ipld.traversal.BlockEvent;
import io.dt4j.ipld.traversal.Traversal;
import io.dt4j.ipld.traversal.TraversalCursor;
import io.dt4j.ipld.traversal.TraversalOptions;
import io.dt4j.ipld.traversal.TraversalVisitor;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request this node sent, and its handle (graphsync spec §5.3, §3.5). Its traversal advances
 * whenever something arrives, block by block through the {@link VerifyingLoader}, and waits — no
 * thread held — when the next block has not come yet. Pausing cancels the response and keeps the
 * traversal's place; after an unpause, the request is sent again (same id) with the blocks already
 * loaded as {@code graphsync/do-not-send-cids}, when the traversal first needs the network. State
 * is owned by the peer's executor; the handle's methods hand their work to it.
 */
final class OutgoingRequest implements RequestHandle {
  private static final Logger log = LoggerFactory.getLogger(OutgoingRequest.class);

  private final RequesterPeer owner;
  private final NewRequest request;
  private final Selector selector;
  private final RequestListener listener;
  private final String context;
  private final CompletableFuture<RequestResult> result = new CompletableFuture<>();
  private final List<Cid> missingLinks = new CopyOnWriteArrayList<>();

  private NewRequest sent;
  private Announcements announcements;
  private VerifyingLoader loader;
  private TraversalCursor cursor;
  private Extensions unpauseExtensions = Extensions.none();
  private boolean paused;
  private boolean restartNeeded;
  private boolean done;
  private IdleWatch idleWatch;
  private volatile ResponseStatusCode lastStatus;
  private volatile long blocksReceived;
  private volatile long bytesReceived;
  private volatile long blocksFromStore;

  OutgoingRequest(
      RequesterPeer owner, NewRequest request, Selector selector, RequestListener listener) {
    this.owner = owner;
    this.request = request;
    this.selector = selector;
    this.listener = listener;
    this.context = "request " + request.id() + " to " + owner.peer();
  }

  @Override
  public int id() {
    return request.id();
  }

  @Override
  public PeerId peer() {
    return owner.peer();
  }

  @Override
  public NewRequest request() {
    return request;
  }

  @Override
  public CompletionStage<RequestResult> result() {
    return result.minimalCompletionStage();
  }

  @Override
  public RequestResult progress() {
    return new RequestResult(
        Optional.ofNullable(lastStatus),
        blocksReceived,
        bytesReceived,
        blocksFromStore,
        missingLinks);
  }

  @Override
  public CompletionStage<Void> pause() {
    return whileRunning(this::pauseNow);
  }

  @Override
  public CompletionStage<Void> unpause(Extensions extensions) {
    return whileRunning(() -> unpauseNow(extensions));
  }

  @Override
  public CompletionStage<Void> cancel() {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    owner
        .executor()
        .execute(
            () -> {
              cancelNow(new RequestCancelledException(context + " was cancelled"));
              applied.complete(null);
            });
    return applied;
  }

  private CompletionStage<Void> whileRunning(Control action) {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    owner
        .executor()
        .execute(
            () -> {
              try {
                if (done) {
                  throw new RequestNotFoundException(context + " is not in progress");
                }
                action.apply();
                applied.complete(null);
              } catch (GraphsyncException refused) {
                applied.completeExceptionally(refused);
              }
            });
    return applied;
  }

  /** A control applied on the peer's executor; it may refuse. */
  @FunctionalInterface
  private interface Control {
    void apply() throws GraphsyncException;
  }

  /** Runs the outgoing-request hooks, sends the request and starts the traversal. */
  void start() {
    RequestHookActions actions = new RequestHookActions();
    for (OutgoingRequestHook hook : owner.hooks().outgoingRequestHooks()) {
      runHook(() -> hook.onOutgoingRequest(peer(), request, actions), actions);
    }
    Blockstore store = owner.defaultStore();
    Extensions extensions = request.extensions();
    String option = actions.persistenceOption();
    if (option != null) {
      Optional<Blockstore> chosen = owner.persistenceOption(option);
      if (chosen.isEmpty()) {
        fail(
            new TraversalFailedException(context + ": unknown persistence option " + option, null));
        return;
      }
      store = chosen.get();
      extensions = extensions.with(ExtensionNames.DEDUP_BY_KEY, DedupKey.encode(option));
    }
    sent = request.withExtensions(extensions);
    announcements = new Announcements(owner.cache());
    loader = new VerifyingLoader(context, owner.cache(), announcements, store);
    cursor =
        Traversal.over(loader)
            .withOptions(
                TraversalOptions.defaults().withMissingBlocks(owner.options().missingBlocks()))
            .start(request.root(), selector, TraversalVisitor.CONTINUE_ALL);
    owner.queue().addRequest(sent);
    idleWatch =
        new IdleWatch(
            owner.options().requestIdleTimeout(),
            owner.timers(),
            owner.executor(),
            () -> !done && !paused,
            () ->
                cancelNow(
                    new RequestTimeoutException(
                        context
                            + " received nothing for "
                            + owner.options().requestIdleTimeout())));
    idleWatch.start();
    advance();
  }

  /** Takes in one response entry: hooks, metadata, status. */
  void responseReceived(GraphsyncResponse response) {
    if (done) {
      return;
    }
    idleWatch.touch();
    lastStatus = response.status();
    listener.responseReceived(response);
    RequestHookActions actions = new RequestHookActions();
    for (IncomingResponseHook hook : owner.hooks().incomingResponseHooks()) {
      runHook(() -> hook.onIncomingResponse(peer(), response, actions), actions);
    }
    if (actions.error() != null) {
      terminate(actions.error());
      return;
    }
    sendUpdate(actions.update());
    Optional<byte[]> metadata = response.extensions().get(ExtensionNames.RESPONSE_METADATA);
    if (metadata.isPresent()) {
      try {
        for (LinkMetadata entry : ResponseMetadata.decode(metadata.get())) {
          if (!loader.loaded().contains(entry.link())) {
            announcements.record(entry);
          }
        }
      } catch (MalformedExtensionException e) {
        fail(new TraversalFailedException(context + ": bad metadata from the responder", e));
        return;
      }
    }
    if (response.status().isTerminal()) {
      loader.terminalStatus(response.status());
    }
  }

  /** Tells whether the traversal has loaded the block (a later copy of it is no surprise). */
  boolean hasLoaded(Cid cid) {
    return loader != null && loader.loaded().contains(cid);
  }

  /** Runs the traversal as far as the blocks at hand allow. */
  void advance() {
    while (!done && !paused && cursor != null) {
      Optional<BlockEvent> event;
      try {
        event = cursor.nextBlock();
      } catch (IOException e) {
        if (e == VerifyingLoader.WAITING) {
          if (restartNeeded) {
            sendRestart();
          }
        } else {
          fail(new TraversalFailedException(context + ": the blockstore failed", e));
        }
        return;
      } catch (VerifyingLoader.LoadFailedException e) {
        fail(e.failure());
        return;
      } catch (RuntimeException e) {
        fail(new TraversalFailedException(context + ": " + e.getMessage(), e));
        return;
      }
      if (event.isEmpty()) {
        traversalEnded();
      } else if (event.get() instanceof BlockEvent.Missing missing) {
        missingLinks.add(missing.cid());
      } else {
        blockConsumed(loader.lastLoad());
      }
    }
  }

  private void blockConsumed(BlockData block) {
    if (block.sizeOnWire() > 0) {
      blocksReceived++;
      bytesReceived += block.sizeOnWire();
    } else {
      blocksFromStore++;
    }
    listener.blockReceived(block);
    RequestHookActions actions = new RequestHookActions();
    for (IncomingBlockHook hook : owner.hooks().incomingBlockHooks()) {
      runHook(() -> hook.onIncomingBlock(peer(), request, block, actions), actions);
    }
    if (actions.error() != null) {
      terminate(actions.error());
      return;
    }
    sendUpdate(actions.update());
    if (actions.pause()) {
      pauseNow();
    }
  }

  private void traversalEnded() {
    ResponseStatusCode status = lastStatus;
    if (status != null && status.isFailure()) {
      fail(new ResponderFailedException(status, context));
    } else {
      finish(Optional.empty());
    }
  }

  private void pauseNow() {
    if (paused) {
      return;
    }
    paused = true;
    restartNeeded = true;
    owner.queue().addRequest(new CancelRequest(id()));
  }

  private void unpauseNow(Extensions extensions) throws RequestNotPausedException {
    if (!paused) {
      throw new RequestNotPausedException(
          context + " is not paused; the unpause and its extensions were dropped");
    }
    paused = false;
    unpauseExtensions = unpauseExtensions.withAll(extensions);
    loader.terminalStatus(null);
    idleWatch.touch();
    advance();
  }

  /** Sends the request again after an unpause (§3.5): same id, blocks already loaded not sent. */
  private void sendRestart() {
    restartNeeded = false;
    Extensions extensions = sent.extensions().withAll(unpauseExtensions);
    if (!loader.loaded().isEmpty()) {
      extensions =
          extensions.with(ExtensionNames.DO_NOT_SEND_CIDS, DoNotSendCids.encode(loader.loaded()));
    }
    unpauseExtensions = Extensions.none();
    sent = sent.withExtensions(extensions);
    owner.queue().addRequest(sent);
  }

  private void sendUpdate(Extensions extensions) {
    if (!extensions.isEmpty()) {
      owner.queue().addRequest(new UpdateRequest(id(), extensions));
    }
  }

  private void terminate(String reason) {
    cancelNow(new RequestTerminatedException(context + " terminated by a hook: " + reason));
  }

  /** Tells the responder to stop and fails the request; nothing if it has ended. */
  void cancelNow(GraphsyncException why) {
    if (done) {
      return;
    }
    if (!paused) {
      owner.queue().addRequest(new CancelRequest(id()));
    }
    fail(why);
  }

  void fail(GraphsyncException failure) {
    finish(Optional.of(failure));
  }

  private void finish(Optional<GraphsyncException> failure) {
    if (done) {
      return;
    }
    done = true;
    if (announcements != null) {
      announcements.clear();
    }
    owner.remove(this);
    RequestResult outcome = progress();
    failure.ifPresent(f -> log.debug("{} failed: {}", context, f.getMessage()));
    for (RequestFinishedListener finished : owner.hooks().requestFinishedListeners()) {
      try {
        finished.onRequestFinished(peer(), request, outcome, failure);
      } catch (RuntimeException e) {
        log.warn("a request-finished listener failed for {}", context, e);
      }
    }
    if (failure.isPresent()) {
      result.completeExceptionally(failure.get());
    } else {
      result.complete(outcome);
    }
  }

  private void runHook(Runnable hook, RequestHookActions actions) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      log.warn("a requester hook failed for {}", context, e);
      actions.terminateWithError("hook failed: " + e);
    }
  }
}
