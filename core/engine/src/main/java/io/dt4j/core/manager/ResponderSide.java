package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder's handling of requests, whether they came on dt-net or with the transport
 * (data-transfer.md §5.9, Go's {@code OnRequestReceived}): new channels are validated and created,
 * restarts checked, cancels, vouchers and pause/resume updates applied. Every request gets a {@link
 * Reply}; nothing here throws for bad input.
 */
final class ResponderSide {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  /** After a resume update, these statuses keep the responder's side paused. */
  private static final Set<Status> STILL_PAUSED =
      Set.of(Status.RESPONDER_PAUSED, Status.RESPONDER_FINALIZING);

  private final ManagerContext ctx;
  private final RequestValidation validation;
  private final Revalidation revalidation;
  private final Restarts restarts;
  private final PeerChannelLimit limit;

  ResponderSide(
      ManagerContext ctx,
      RequestValidation validation,
      Revalidation revalidation,
      Restarts restarts,
      PeerChannelLimit limit) {
    this.ctx = ctx;
    this.limit = limit;
    this.validation = validation;
    this.revalidation = revalidation;
    this.restarts = restarts;
  }

  /**
   * Handles a request of the channel's initiator.
   *
   * @param channelId (initiator = the sender of the request, responder = this node, the id)
   * @param request the request
   * @return the response to send and what to do with the transport
   */
  Reply onRequest(ChannelId channelId, TransferRequest request) {
    try {
      return switch (RequestKind.of(request)) {
        case RESTART -> restarts.onRestartRequest(channelId, request);
        case NEW -> onNew(channelId, request);
        case CANCEL -> onCancel(channelId);
        case VOUCHER -> revalidation.onVoucher(channelId, request);
        case PAUSE -> onUpdate(channelId, EventCode.PAUSE_INITIATOR);
        case RESUME -> onUpdate(channelId, EventCode.RESUME_INITIATOR);
        case RESTART_EXISTING ->
            Reply.without(Outcome.ignore("restart-existing-channel request out of place"));
      };
    } catch (ChannelNotFoundException e) {
      return Reply.without(Outcome.ignore(e.getMessage()));
    } catch (DataTransferException e) {
      return Reply.without(Outcome.fail(e));
    }
  }

  private Reply onNew(ChannelId channelId, TransferRequest request) throws DataTransferException {
    if (ctx.channels.find(channelId).isPresent()) {
      return Reply.without(
          Outcome.ignore("channel " + channelId + " exists already: repeated New request ignored"));
    }
    Optional<EncodedVoucher> voucher = request.voucher();
    Optional<Node> selector = request.selector();
    if (voucher.isEmpty() || selector.isEmpty()) {
      return rejected(channelId, "a New request needs a voucher and a selector", Optional.empty());
    }
    if (!limit.tryReserve(channelId)) {
      return rejected(
          channelId,
          "peer "
              + channelId.initiator()
              + " has "
              + limit.max()
              + " channels open with this node, the most one peer may have",
          Optional.empty());
    }
    boolean opened = false;
    try {
      Reply reply = validateAndAccept(channelId, request, voucher.get(), selector.get());
      opened = ctx.channels.find(channelId).isPresent();
      return reply;
    } finally {
      if (!opened) {
        limit.release(channelId);
      }
    }
  }

  private Reply validateAndAccept(
      ChannelId channelId, TransferRequest request, EncodedVoucher voucher, Node selector)
      throws DataTransferException {
    Cid baseCid = request.baseCid().orElseThrow();
    RequestValidation.Decision decision;
    try {
      decision = validation.validate(channelId, request.pull(), voucher, baseCid, selector);
    } catch (DataTransferException e) {
      return rejected(channelId, e.getMessage(), Optional.empty());
    }
    if (!decision.accepted()) {
      return rejected(channelId, decision.reason(), decision.result());
    }
    return accept(channelId, request, decision);
  }

  /** §5.1 step 3b: the channel is created, accepted and maybe paused, then answered. */
  private Reply accept(
      ChannelId channelId, TransferRequest request, RequestValidation.Decision decision)
      throws DataTransferException {
    PeerId initiator = channelId.initiator();
    EncodedVoucher voucher = request.voucher().orElseThrow();
    ChannelRecord fresh =
        ChannelRecord.create(
            channelId,
            ctx.self,
            request.baseCid().orElseThrow(),
            request.selector().orElseThrow(),
            request.pull() ? ctx.self : initiator,
            request.pull() ? initiator : ctx.self,
            voucher);
    ctx.channels.open(fresh);
    ctx.channels.fireAll(channelId, current -> decision.events(EventCode.ACCEPT));
    ctx.configureTransport(channelId, voucher);
    return Reply.of(
        decision.response(MessageType.NEW, channelId.id()),
        decision.paused() ? Outcome.PAUSE : Outcome.PROCEED);
  }

  /** §5.1 step 3a / §8.9: a rejected New request answers and leaves no channel behind. */
  private static Reply rejected(
      ChannelId channelId, String reason, Optional<EncodedVoucher> result) {
    log.info("channel {}: request rejected: {}", channelId, reason);
    TransferResponse response =
        Messages.decision(MessageType.NEW, channelId.id(), false, false, result);
    return Reply.of(response, Outcome.fail("request rejected: " + reason));
  }

  private Reply onCancel(ChannelId channelId) throws DataTransferException {
    ctx.channels.require(channelId);
    log.info("channel {}: received cancel request, cleaning up channel", channelId);
    ctx.transport.cleanupChannel(channelId);
    ctx.channels.fireUnlessEnding(channelId, ChannelEvent.of(EventCode.CANCEL));
    return Reply.NONE;
  }

  private Reply onUpdate(ChannelId channelId, EventCode event) throws DataTransferException {
    ctx.channels.require(channelId);
    ctx.channels.fire(channelId, event);
    if (event == EventCode.RESUME_INITIATOR
        && STILL_PAUSED.contains(ctx.channels.require(channelId).status())) {
      return Reply.without(Outcome.PAUSE);
    }
    return Reply.NONE;
  }
}
