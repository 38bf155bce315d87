package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.hooks.IncomingRequestHook.IncomingRequestActions;
import io.dt4j.graphsync.hooks.OutgoingBlockHook.OutgoingBlockActions;
import io.dt4j.graphsync.hooks.RequestUpdatedHook.RequestUpdatedActions;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.graphsync.transport.ChannelRoutes.Key;
import io.dt4j.graphsync.transport.TransferExtensions.NameList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graphsync responder's hooks, turned into the manager's events (data-transfer.md §6.3): this
 * node serves a request for a channel's data and exchanges data-transfer messages with the
 * requester through the response's extensions.
 */
final class ResponderHooks {
  private static final Logger log = LoggerFactory.getLogger(ResponderHooks.class);

  private final TransportCore core;
  private final ResponseStarts starts;

  ResponderHooks(TransportCore core, ResponseStarts starts) {
    this.core = core;
    this.starts = starts;
  }

  void register(GraphsyncHooks hooks) {
    hooks.onRequestQueued(this::queued);
    hooks.onIncomingRequest(this::incomingRequest);
    hooks.onOutgoingBlock(this::outgoingBlock);
    hooks.onBlockSent(this::blockSent);
    hooks.onRequestUpdated(this::requestUpdated);
    hooks.onResponseCompleted(this::completed);
    hooks.onRequestorCancelled(this::requestorCancelled);
    hooks.onNetworkError(this::networkError);
  }

  private void queued(PeerId peer, NewRequest request) {
    try {
      Optional<TransferMessage> message =
          core.extensions().decode(request.extensions(), NameList.SUPPORTED);
      if (message.isPresent() && message.get().type() == MessageType.NEW) {
        ChannelId chid = core.channelOf(message.get(), peer, true);
        core.handler().tell("onTransferQueued", h -> h.onTransferQueued(chid));
      }
    } catch (DataTransferException malformed) {
      log.debug("queued request {} from {}: {}", request.id(), peer, malformed.getMessage());
    }
  }

  private void incomingRequest(PeerId peer, NewRequest request, IncomingRequestActions actions) {
    Optional<TransferMessage> decoded;
    try {
      decoded = core.extensions().decode(request.extensions(), NameList.SUPPORTED);
    } catch (DataTransferException malformed) {
      actions.terminateWithError(malformed.getMessage());
      return;
    }
    if (decoded.isEmpty()) {
      return; // not a data-transfer request: graphsync's own validation decides
    }
    TransferMessage message = decoded.get();
    ChannelId chid = core.channelOf(message, peer, true);
    core.routes().bind(new Key(request.id(), peer), chid);
    cancelPrevious(chid, peer, request.id());
    Extensions pending = core.routes().serving(chid, peer, request.id());
    attach(pending, actions::sendExtensionData);
    HookResult<?> result =
        receive(chid, message, NameList.INCOMING_REQUEST, actions::sendExtensionData);
    if (result instanceof HookResult.Failed<?> failed) {
      actions.terminateWithError(failed.reason());
      return;
    }
    boolean paused = result instanceof HookResult.Paused<?>;
    if (starts.holdsBack(chid, paused) || paused) {
      actions.pauseResponse();
    }
    actions.validateRequest();
  }

  /**
   * A new request for a channel this node still serves under another request (a restart after the
   * connection dropped, say) ends the old response, as go-data-transfer's transport does: it must
   * not complete, or fail, the channel while the new one runs.
   */
  private void cancelPrevious(ChannelId chid, PeerId peer, int requestId) {
    Optional<Route> previous = core.routes().routeOf(chid);
    if (previous.isPresent()
        && previous.get() instanceof Route.Serving old
        && !old.requesterCancelled()
        && !(old.requestId() == requestId && old.requester().equals(peer))) {
      log.debug("{}: request {} replaces response {}", chid, requestId, old.requestId());
      core.graphsync()
          .cancelResponse(old.requester(), old.requestId())
          .exceptionally(ended -> null); // it may have ended meanwhile
    }
  }

  /** Tells whether the request is the one this node serves for the channel now. */
  private boolean isCurrent(ChannelId chid, PeerId peer, NewRequest request) {
    return core.routes()
        .routeOf(chid)
        .map(
            route ->
                route instanceof Route.Serving s
                    && s.requestId() == request.id()
                    && s.requester().equals(peer))
        .orElse(false);
  }

  private static void attach(Extensions extensions, ReplySink sink) {
    extensions.names().forEach(name -> sink.send(name, extensions.get(name).get()));
  }

  /** Where a reply goes: extension data of the current response. */
  @FunctionalInterface
  private interface ReplySink {
    void send(String name, byte[] data);
  }

  /**
   * Hands a message from the requester to the handler; a reply is attached under {@code names}. A
   * reply that rejects turns into a failure, one that pauses into a pause.
   */
  private HookResult<?> receive(
      ChannelId chid, TransferMessage message, NameList names, ReplySink sink) {
    if (message instanceof TransferResponse response) {
      return core.handler().signal("onResponseReceived", h -> h.onResponseReceived(chid, response));
    }
    TransferRequest request = (TransferRequest) message;
    HookResult<Optional<TransferResponse>> result =
        core.handler().call("onRequestReceived", h -> h.onRequestReceived(chid, request));
    Optional<TransferResponse> reply = HandlerSlot.valueOf(result);
    if (reply.isPresent()) {
      try {
        Extensions attached = core.extensions().encode(reply.get(), names);
        attach(attached, sink);
      } catch (DataTransferException e) {
        return new HookResult.Failed<>("reply not encoded: " + e.getMessage());
      }
      if (TransportCore.announcesRejection(reply.get())) {
        return new HookResult.Failed<>("response rejected");
      }
      if (TransportCore.announcesPause(reply.get())) {
        return new HookResult.Paused<>();
      }
    }
    return result;
  }

  private void outgoingBlock(
      PeerId peer, NewRequest request, BlockData block, OutgoingBlockActions actions) {
    if (block.sizeOnWire() == 0) {
      return;
    }
    Optional<ChannelId> chid = core.routes().channelOf(new Key(request.id(), peer));
    if (chid.isEmpty()) {
      return;
    }
    HookResult<Optional<TransferMessage>> result =
        core.handler()
            .call("onDataQueued", h -> h.onDataQueued(chid.get(), block.link(), block.size()));
    Optional<TransferMessage> message = HandlerSlot.valueOf(result);
    boolean pause = result instanceof HookResult.Paused<?>;
    if (message.isPresent()) {
      try {
        Extensions attached = core.extensions().encode(message.get(), NameList.OUTGOING_BLOCK);
        attach(attached, actions::sendExtensionData);
      } catch (DataTransferException e) {
        actions.terminateWithError("message not encoded: " + e.getMessage());
        return;
      }
      if (TransportCore.announcesRejection(message.get())) {
        actions.terminateWithError("response rejected");
        return;
      }
      pause |= TransportCore.announcesPause(message.get());
    }
    if (result instanceof HookResult.Failed<?> failed) {
      actions.terminateWithError(failed.reason());
    } else if (pause) {
      actions.pauseResponse();
    }
  }

  private void blockSent(PeerId peer, NewRequest request, BlockData block) {
    if (block.sizeOnWire() == 0) {
      return;
    }
    core.routes()
        .channelOf(new Key(request.id(), peer))
        .ifPresent(
            chid ->
                core.handler()
                    .tell("onDataSent", h -> h.onDataSent(chid, block.link(), block.size())));
  }

  private void requestUpdated(
      PeerId peer, NewRequest request, UpdateRequest update, RequestUpdatedActions actions) {
    Optional<ChannelId> chid = core.routes().channelOf(new Key(request.id(), peer));
    if (chid.isEmpty()) {
      return;
    }
    Optional<TransferMessage> message;
    try {
      message = core.extensions().decode(update.extensions(), NameList.SUPPORTED);
    } catch (DataTransferException malformed) {
      actions.terminateWithError(malformed.getMessage());
      return;
    }
    if (message.isEmpty()) {
      return;
    }
    HookResult<?> result =
        receive(chid.get(), message.get(), NameList.SUPPORTED, actions::sendExtensionData);
    if (result instanceof HookResult.Failed<?> failed) {
      actions.terminateWithError(failed.reason());
    } else if (result instanceof HookResult.Resumed<?>) {
      starts.resumed(chid.get());
      actions.unpauseResponse();
    } else if (result instanceof HookResult.Paused<?>) {
      core.graphsync().pauseResponse(peer, request.id());
    }
  }

  private void completed(PeerId peer, NewRequest request, ResponseStatusCode status) {
    if (status == ResponseStatusCode.REQUEST_CANCELLED) {
      return;
    }
    Optional<ChannelId> chid = core.routes().channelOf(new Key(request.id(), peer));
    if (chid.isEmpty() || !isCurrent(chid.get(), peer, request)) {
      return; // a replaced response winding down says nothing about the channel
    }
    if (status == ResponseStatusCode.REQUEST_COMPLETED_FULL) {
      core.handler().tell("onChannelCompleted", h -> h.onChannelCompleted(chid.get(), true));
      return;
    }
    String reason =
        "graphsync response to peer "
            + peer
            + " did not complete: response status code "
            + status.goName();
    core.handler().tell("onChannelFailed", h -> h.onChannelFailed(chid.get(), reason));
  }

  private void requestorCancelled(PeerId peer, NewRequest request) {
    core.routes()
        .channelOf(new Key(request.id(), peer))
        .ifPresent(
            chid ->
                core.routes()
                    .updateServing(
                        chid,
                        s ->
                            s.requestId() == request.id() && s.requester().equals(peer)
                                ? s.cancelledByRequester()
                                : s));
  }

  private void networkError(PeerId peer, NewRequest request, Exception error) {
    core.routes()
        .channelOf(new Key(request.id(), peer))
        .ifPresent(
            chid ->
                core.handler()
                    .tell("onSendDataError", h -> h.onSendDataError(chid, error.toString())));
  }
}
