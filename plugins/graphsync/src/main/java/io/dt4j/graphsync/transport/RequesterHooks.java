package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.graphsync.GraphsyncException;
import io.dt4j.graphsync.NetworkException;
import io.dt4j.graphsync.RequestCancelledException;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.hooks.IncomingBlockHook.IncomingBlockActions;
import io.dt4j.graphsync.hooks.IncomingResponseHook.IncomingResponseActions;
import io.dt4j.graphsync.hooks.OutgoingRequestHook.OutgoingRequestActions;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.transport.ChannelRoutes.Key;
import io.dt4j.graphsync.transport.TransferExtensions.NameList;
import io.dt4j.ipld.Cid;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graphsync requester's hooks, turned into the manager's events (data-transfer.md §6.3): this
 * node issued a request for a channel's data and reads the responder's data-transfer messages from
 * the response's extensions.
 */
final class RequesterHooks {
  private static final Logger log = LoggerFactory.getLogger(RequesterHooks.class);

  private final TransportCore core;

  RequesterHooks(TransportCore core) {
    this.core = core;
  }

  void register(GraphsyncHooks hooks) {
    hooks.onOutgoingRequest(this::outgoingRequest);
    hooks.onIncomingResponse(this::incomingResponse);
    hooks.onIncomingBlock(this::incomingBlock);
    hooks.onRequestFinished(this::finished);
    hooks.onReceiverNetworkError(this::receiverNetworkError);
  }

  /** Records which channel the request carries, before it is sent (§6.3, outgoing request). */
  private void outgoingRequest(PeerId peer, NewRequest request, OutgoingRequestActions actions) {
    try {
      core.extensions()
          .decode(request.extensions(), NameList.SUPPORTED)
          .ifPresent(
              message ->
                  core.routes()
                      .bind(
                          new Key(request.id(), core.self()),
                          core.channelOf(message, peer, false)));
    } catch (DataTransferException malformed) {
      log.warn("own request {} carries a bad message: {}", request.id(), malformed.getMessage());
    }
  }

  /**
   * Two passes over the response's extensions (§6.3): the incoming-request names, then the
   * outgoing-block name alone; a message both passes find (a block's message under all its names)
   * is handled once.
   */
  private void incomingResponse(
      PeerId peer, GraphsyncResponse response, IncomingResponseActions actions) {
    Optional<ChannelId> chid = core.routes().channelOf(new Key(response.id(), core.self()));
    if (chid.isEmpty()) {
      return;
    }
    try {
      Optional<TransferMessage> first =
          core.extensions().decode(response.extensions(), NameList.INCOMING_REQUEST);
      Optional<TransferMessage> second =
          core.extensions().decode(response.extensions(), NameList.OUTGOING_BLOCK_ONLY);
      if (first.isPresent()) {
        receive(chid.get(), first.get(), actions);
      }
      if (second.isPresent() && !second.equals(first)) {
        receive(chid.get(), second.get(), actions);
      }
    } catch (DataTransferException malformed) {
      actions.terminateWithError(malformed.getMessage());
    }
  }

  private void receive(ChannelId chid, TransferMessage message, IncomingResponseActions actions) {
    HookResult<?> result;
    if (message instanceof TransferResponse response) {
      result =
          core.handler().signal("onResponseReceived", h -> h.onResponseReceived(chid, response));
    } else {
      result = replyToRequest(chid, (TransferRequest) message, actions);
    }
    if (result instanceof HookResult.Failed<?> failed) {
      actions.terminateWithError(failed.reason());
    } else if (result instanceof HookResult.Paused<?>) {
      ownRequest(chid).ifPresent(RequestHandle::pause);
    } else if (result instanceof HookResult.Resumed<?>) {
      ownRequest(chid).ifPresent(handle -> handle.unpause(Extensions.none()));
    }
  }

  /** A request from the data sender; the reply goes back as an update (supported names). */
  private HookResult<?> replyToRequest(
      ChannelId chid, TransferRequest request, IncomingResponseActions actions) {
    HookResult<Optional<TransferResponse>> result =
        core.handler().call("onRequestReceived", h -> h.onRequestReceived(chid, request));
    Optional<TransferResponse> reply = HandlerSlot.valueOf(result);
    if (reply.isEmpty()) {
      return result;
    }
    try {
      actions.updateRequest(core.extensions().encode(reply.get(), NameList.SUPPORTED));
    } catch (DataTransferException e) {
      return new HookResult.Failed<>("reply not encoded: " + e.getMessage());
    }
    if (TransportCore.announcesRejection(reply.get())) {
      return new HookResult.Failed<>("response rejected");
    }
    return TransportCore.announcesPause(reply.get()) ? new HookResult.Paused<>() : result;
  }

  private void incomingBlock(
      PeerId peer, NewRequest request, BlockData block, IncomingBlockActions actions) {
    Optional<ChannelId> chid = core.routes().channelOf(new Key(request.id(), core.self()));
    if (chid.isEmpty()) {
      return;
    }
    if (block.sizeOnWire() > 0) {
      core.wire().received(chid.get(), block.link(), block.sizeOnWire());
    } else if (recordedBefore(chid.get(), block.link())) {
      return; // a restart replays what the channel recorded: nothing new, and thousands of them
    }
    // §6.3: a block the local store already had is reported too. The manager counts a CID once
    // (its DataReceived set): a block stored just before a crash, but not yet recorded, is counted
    // when the restarted traversal loads it, whether it was re-sent or not.
    HookResult<Void> result =
        core.handler()
            .signal(
                "onDataReceived", h -> h.onDataReceived(chid.get(), block.link(), block.size()));
    if (result instanceof HookResult.Failed<Void> failed) {
      actions.terminateWithError(failed.reason());
    } else if (result instanceof HookResult.Paused<Void>) {
      actions.pauseRequest();
    }
  }

  private void finished(
      PeerId peer, NewRequest request, RequestResult result, Optional<GraphsyncException> failure) {
    Optional<ChannelId> found = core.routes().channelOf(new Key(request.id(), core.self()));
    if (found.isEmpty()) {
      return;
    }
    ChannelId chid = found.get();
    if (failure.isPresent() && failure.get() instanceof RequestCancelledException cancelled) {
      core.handler()
          .tell("onRequestCancelled", h -> h.onRequestCancelled(chid, cancelled.getMessage()));
      return;
    }
    if (failure.isPresent() && failure.get() instanceof NetworkException unsent) {
      // the request never reached the peer (e.g. no address after a restart, the dial failed): a
      // send error, as in Go, which the monitor answers with restarts; the channel is not failed
      String reason = RequestEndings.failed(request, unsent);
      core.handler().tell("onSendDataError", h -> h.onSendDataError(chid, reason));
      return;
    }
    Optional<String> reason =
        failure.isEmpty()
            ? RequestEndings.missingBlock(result)
            : Optional.of(RequestEndings.failed(request, failure.get()));
    if (reason.isEmpty()) {
      core.handler().tell("onChannelCompleted", h -> h.onChannelCompleted(chid, true));
    } else {
      core.handler().tell("onChannelFailed", h -> h.onChannelFailed(chid, reason.get()));
    }
  }

  private void receiverNetworkError(PeerId peer, Exception error) {
    for (ChannelId chid : core.routes().channelsWith(peer)) {
      core.handler().tell("onReceiveDataError", h -> h.onReceiveDataError(chid, error.toString()));
    }
  }

  private boolean recordedBefore(ChannelId chid, Cid link) {
    return core.routes()
        .routeOf(chid)
        .filter(Route.Requesting.class::isInstance)
        .map(r -> ((Route.Requesting) r).recorded().contains(link))
        .orElse(false);
  }

  private Optional<RequestHandle> ownRequest(ChannelId chid) {
    return core.routes()
        .routeOf(chid)
        .filter(Route.Requesting.class::isInstance)
        .map(r -> ((Route.Requesting) r).handle());
  }
}
