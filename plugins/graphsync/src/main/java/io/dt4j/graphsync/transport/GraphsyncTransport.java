package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.HandlerAlreadySetException;
import io.dt4j.api.HandlerNotSetException;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferMessageCodec;
import io.dt4j.graphsync.Graphsync;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.RequestNotFoundException;
import io.dt4j.graphsync.extensions.DoNotSendCids;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.transport.TransferExtensions.NameList;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The data-transfer {@link io.dt4j.api.Transport} over graphsync 1.0, as go-data-transfer's
 * graphsync transport does it (data-transfer.md §6): the data recipient issues a graphsync request
 * carrying the data-transfer message as extension data; the data sender serves it; the hooks of
 * both sides become the manager's events; pause, resume and close act on whichever side of the
 * channel's current graphsync request this node is (§6.4).
 *
 * <pre>{@code
 * Graphsync graphsync = GraphsyncEngine.start(host, blockstore, GraphsyncOptions.defaults());
 * PauseableTransport transport = new GraphsyncTransport(graphsync, codec);
 * }</pre>
 *
 * <p>The transport owns the graphsync node: {@link #shutdown()} closes it.
 */
public final class GraphsyncTransport implements PauseableTransport {
  /** How long a new open waits for the channel's previous request to end (Go: 1 s). */
  private static final long CANCEL_WAIT_MILLIS = 1000;

  private final TransportCore core;
  private final ChannelStores stores;
  private final ResponseStarts starts = new ResponseStarts();
  private volatile boolean shutDown;

  /**
   * Creates the transport and registers its hooks on the node.
   *
   * @param graphsync the graphsync node, used by this transport only
   * @param codec the codec of the data-transfer messages carried as extension data
   */
  public GraphsyncTransport(Graphsync graphsync, TransferMessageCodec codec) {
    this.core =
        new TransportCore(
            graphsync,
            new ChannelRoutes(),
            new TransferExtensions(codec),
            new HandlerSlot(),
            new WireCounts());
    new RequesterHooks(core).register(graphsync.hooks());
    new ResponderHooks(core, starts).register(graphsync.hooks());
    // after the responder's hooks: a responder's configurer runs while they validate the request
    this.stores = new ChannelStores(core);
    stores.register(graphsync.hooks());
  }

  /** {@return the graphsync node under this transport} */
  public Graphsync graphsync() {
    return core.graphsync();
  }

  @Override
  public void setEventHandler(EventsHandler handler) throws HandlerAlreadySetException {
    core.handler().set(handler);
  }

  @Override
  public CompletionStage<Void> openChannel(
      PeerId dataSender,
      ChannelId channelId,
      Cid root,
      Node selector,
      Set<Cid> doNotSendCids,
      TransferMessage message) {
    try {
      requireUsable();
      HookResult<Void> opened =
          core.handler().signal("onChannelOpened", h -> h.onChannelOpened(channelId));
      if (opened instanceof HookResult.Failed<Void> failed) {
        throw new DataTransferException(failed.reason());
      }
      Extensions extensions = core.extensions().encode(message, NameList.SUPPORTED);
      if (!doNotSendCids.isEmpty()) {
        extensions =
            extensions.with(ExtensionNames.DO_NOT_SEND_CIDS, DoNotSendCids.encode(doNotSendCids));
      }
      Extensions carried = extensions;
      return previousRequestEnded(channelId)
          .thenRun(
              () -> issue(dataSender, channelId, root, selector, carried, message, doNotSendCids));
    } catch (DataTransferException e) {
      return CompletableFuture.failedStage(e);
    }
  }

  /** Cancels the channel's own previous request and waits up to a second for it to end (§6.4). */
  private CompletionStage<Void> previousRequestEnded(ChannelId channelId) {
    Optional<Route> route = core.routes().routeOf(channelId);
    if (route.isEmpty() || !(route.get() instanceof Route.Requesting previous)) {
      return CompletableFuture.completedStage(null);
    }
    previous.handle().cancel();
    return previous
        .handle()
        .result()
        .handle((result, failure) -> (Void) null)
        .toCompletableFuture()
        .completeOnTimeout(null, CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void issue(
      PeerId dataSender,
      ChannelId channelId,
      Cid root,
      Node selector,
      Extensions extensions,
      TransferMessage message,
      Set<Cid> recorded) {
    RequestHandle handle;
    try {
      handle =
          core.graphsync().request(dataSender, root, selector, extensions, RequestListener.NONE);
    } catch (RuntimeException e) {
      throw new CompletionException(
          new DataTransferException("graphsync request not sent: " + e.getMessage(), e));
    }
    core.routes().requesting(channelId, handle, recorded);
    // A push responder that accepts paused pauses its request at once (data-transfer.md §5.1).
    if (TransportCore.announcesPause(message)) {
      handle.pause();
    }
  }

  @Override
  public CompletionStage<Void> closeChannel(ChannelId channelId) {
    Optional<Route> route = core.routes().routeOf(channelId);
    if (route.isEmpty()) {
      return CompletableFuture.completedStage(null);
    }
    if (route.get() instanceof Route.Requesting requesting) {
      return requesting.handle().cancel();
    }
    Route.Serving serving = (Route.Serving) route.get();
    if (serving.requesterCancelled()) {
      return CompletableFuture.completedStage(null);
    }
    return ignoringEnded(core.graphsync().cancelResponse(serving.requester(), serving.requestId()));
  }

  @Override
  public CompletionStage<Void> pauseChannel(ChannelId channelId) {
    Optional<Route> route = core.routes().routeOf(channelId);
    if (route.isEmpty()) {
      return CompletableFuture.failedStage(new ChannelNotFoundException(channelId));
    }
    if (route.get() instanceof Route.Requesting requesting) {
      return asTransferFailure(requesting.handle().pause());
    }
    Route.Serving serving = (Route.Serving) route.get();
    if (serving.requesterCancelled()) {
      return CompletableFuture.completedStage(null);
    }
    return asTransferFailure(
        core.graphsync().pauseResponse(serving.requester(), serving.requestId()));
  }

  @Override
  public CompletionStage<Void> resumeChannel(TransferMessage message, ChannelId channelId) {
    Optional<Route> route = core.routes().routeOf(channelId);
    if (route.isEmpty()) {
      return CompletableFuture.failedStage(new ChannelNotFoundException(channelId));
    }
    Extensions extensions;
    try {
      extensions = core.extensions().encode(message, NameList.SUPPORTED);
    } catch (DataTransferException e) {
      return CompletableFuture.failedStage(e);
    }
    if (route.get() instanceof Route.Requesting requesting) {
      return asTransferFailure(requesting.handle().unpause(extensions));
    }
    Route.Serving serving = (Route.Serving) route.get();
    starts.resumed(channelId);
    if (serving.requesterCancelled()) {
      core.routes().updateServing(channelId, s -> s.withPending(extensions));
      return CompletableFuture.completedStage(null);
    }
    return asTransferFailure(
        core.graphsync().unpauseResponse(serving.requester(), serving.requestId(), extensions));
  }

  /**
   * Gives one channel its own blockstore, as go-data-transfer's {@code UseStore}: the channel's
   * graphsync requests, issued or served, read and write {@code store} instead of the node's, until
   * {@link #cleanupChannel(ChannelId)}. Meant for a {@link io.dt4j.api.TransportConfigurer}, which
   * the manager calls before the channel's first request; calling it again replaces the store.
   *
   * @param channelId the channel
   * @param store the blockstore for its data
   */
  public void useStore(ChannelId channelId, Blockstore store) {
    stores.use(channelId, store);
  }

  @Override
  public void cleanupChannel(ChannelId channelId) {
    core.routes().forget(channelId);
    stores.forget(channelId);
    starts.forget(channelId);
    core.wire().seal(channelId);
  }

  /**
   * Counts the blocks whose bytes reached this node for a channel it receives: {@code
   * blocksOnWire}, {@code bytesOnWire} and {@code duplicateBlocks} (blocks of the channel that had
   * crossed the wire before, e.g. re-sent after a pause or a restart). Empty before the first
   * block.
   */
  @Override
  public Map<String, Long> channelCounters(ChannelId channelId) {
    return core.wire().of(channelId);
  }

  @Override
  public CompletionStage<Void> shutdown() {
    shutDown = true;
    core.routes().ownRequests().forEach(RequestHandle::cancel);
    core.graphsync().close();
    return CompletableFuture.completedStage(null);
  }

  private void requireUsable() throws DataTransferException {
    if (shutDown) {
      throw new DataTransferException("the graphsync transport was shut down");
    }
    if (!core.handler().isSet()) {
      throw new HandlerNotSetException();
    }
  }

  /** Close and cancel after the response ended anyway are no failures. */
  private static CompletionStage<Void> ignoringEnded(CompletionStage<Void> stage) {
    return stage.exceptionally(
        failure -> {
          if (unwrap(failure) instanceof RequestNotFoundException) {
            return null;
          }
          throw new CompletionException(asTransferException(failure));
        });
  }

  /** Graphsync's failures become the data-transfer exceptions the manager expects. */
  private static CompletionStage<Void> asTransferFailure(CompletionStage<Void> stage) {
    return stage.exceptionally(
        failure -> {
          throw new CompletionException(asTransferException(failure));
        });
  }

  private static DataTransferException asTransferException(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof DataTransferException known
        ? known
        : new DataTransferException(String.valueOf(cause.getMessage()), cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
