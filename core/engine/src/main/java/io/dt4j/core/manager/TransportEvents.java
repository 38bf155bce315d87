package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.DisconnectedException;
import io.dt4j.api.EventCode;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.CidSet;
import io.dt4j.ipld.Cid;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's {@link EventsHandler}: what the transport reports, turned into channel events,
 * validation, revalidation and replies (data-transfer.md §6.3). Runs on the transport's threads and
 * waits for the channel events it applies, like Go's synchronous hooks; a moved block's events are
 * the exception: they are recorded in batches behind the transport's back (a bounded backlog). A
 * failure inside the manager is reported to the transport as a {@link DataTransferException}, never
 * as a crash.
 */
final class TransportEvents implements EventsHandler {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ManagerContext ctx;
  private final ResponderSide responder;
  private final InitiatorSide initiator;
  private final Revalidation revalidation;
  private final Completion completion;

  TransportEvents(
      ManagerContext ctx,
      ResponderSide responder,
      InitiatorSide initiator,
      Revalidation revalidation,
      Completion completion) {
    this.ctx = ctx;
    this.responder = responder;
    this.initiator = initiator;
    this.revalidation = revalidation;
    this.completion = completion;
  }

  /** A hook's body, which may throw what the transport should act on. */
  private interface Hook<T> {
    T run() throws DataTransferException;
  }

  private static <T> T guarded(String hook, ChannelId channelId, Hook<T> body)
      throws DataTransferException {
    try {
      return body.run();
    } catch (RuntimeException e) {
      log.error("channel {}: {} failed", channelId, hook, e);
      throw new DataTransferException(hook + " failed in the manager: " + e, e);
    }
  }

  @Override
  public void onChannelOpened(ChannelId channelId) throws DataTransferException {
    guarded("onChannelOpened", channelId, () -> ctx.channels.require(channelId));
  }

  @Override
  public void onResponseReceived(ChannelId channelId, TransferResponse response)
      throws DataTransferException {
    guarded(
        "onResponseReceived",
        channelId,
        () -> {
          if (!ctx.isInitiator(channelId)) {
            throw new DataTransferException("received response on request channel " + channelId);
          }
          Outcome outcome = initiator.onResponse(channelId, response);
          if (outcome instanceof Outcome.Fail) {
            return Reply.without(outcome).toTransport();
          }
          return Reply.without(initiator.senderSideAfter(channelId, response)).toTransport();
        });
  }

  @Override
  public Optional<TransferResponse> onRequestReceived(ChannelId channelId, TransferRequest request)
      throws DataTransferException {
    return guarded(
        "onRequestReceived",
        channelId,
        () -> {
          if (ctx.isInitiator(channelId)) {
            throw new DataTransferException("received request on response channel " + channelId);
          }
          return responder.onRequest(channelId, request).toTransport();
        });
  }

  @Override
  public void onDataReceived(ChannelId channelId, Cid link, long size)
      throws DataTransferException {
    guarded(
        "onDataReceived",
        channelId,
        () -> {
          boolean isNew = ctx.channels.blockMoved(channelId, CidSet.DATA_RECEIVED, link, size);
          if (!isNew || ctx.isInitiator(channelId)) {
            return null;
          }
          Reply reply = revalidation.onPushDataReceived(channelId, size);
          if (reply.response().isPresent()) {
            ctx.send(channelId.initiator(), reply.response().get());
          }
          return Reply.without(reply.outcome()).toTransport();
        });
  }

  @Override
  public Optional<TransferMessage> onDataQueued(ChannelId channelId, Cid link, long size)
      throws DataTransferException {
    return guarded(
        "onDataQueued",
        channelId,
        () -> {
          boolean isNew = ctx.channels.blockMoved(channelId, CidSet.DATA_QUEUED, link, size);
          if (!isNew || ctx.isInitiator(channelId)) {
            return Optional.empty();
          }
          Reply reply = revalidation.onPullDataSent(channelId, size);
          // a resumption cannot travel on a block (Go would cancel): the block goes on
          Outcome outcome =
              reply.outcome() instanceof Outcome.Resume ? Outcome.PROCEED : reply.outcome();
          return new Reply(reply.response(), outcome)
              .toTransport()
              .map(TransferMessage.class::cast);
        });
  }

  @Override
  public void onDataSent(ChannelId channelId, Cid link, long size) throws DataTransferException {
    guarded(
        "onDataSent",
        channelId,
        () -> ctx.channels.blockMoved(channelId, CidSet.DATA_SENT, link, size));
  }

  @Override
  public void onChannelCompleted(ChannelId channelId, boolean success)
      throws DataTransferException {
    guarded(
        "onChannelCompleted",
        channelId,
        () -> {
          completion.onTransportFinished(
              channelId,
              success ? Optional.empty() : Optional.of("the transport did not complete"));
          return null;
        });
  }

  @Override
  public void onChannelFailed(ChannelId channelId, String reason) throws DataTransferException {
    guarded(
        "onChannelFailed",
        channelId,
        () -> {
          completion.onTransportFinished(channelId, Optional.of(reason));
          return null;
        });
  }

  @Override
  public void onRequestTimedOut(ChannelId channelId) {
    log.warn("channel {}: transport request timed out (no event: deprecated in Go)", channelId);
  }

  @Override
  public void onRequestDisconnected(ChannelId channelId) throws DataTransferException {
    report(channelId, EventCode.DISCONNECTED, DisconnectedException.GO_TEXT);
  }

  @Override
  public void onTransferQueued(ChannelId channelId) throws DataTransferException {
    guarded(
        "onTransferQueued",
        channelId,
        () -> {
          if (ctx.channels.find(channelId).isPresent()) {
            ctx.channels.fire(channelId, EventCode.TRANSFER_REQUEST_QUEUED);
          }
          return null;
        });
  }

  @Override
  public void onRequestCancelled(ChannelId channelId, String reason) throws DataTransferException {
    if (ctx.consumeOwnCancellation(channelId)) {
      log.debug("channel {}: own transport request cancelled: {}", channelId, reason);
      return;
    }
    report(channelId, EventCode.REQUEST_CANCELLED, reason);
  }

  @Override
  public void onSendDataError(ChannelId channelId, String reason) throws DataTransferException {
    report(channelId, EventCode.SEND_DATA_ERROR, reason);
  }

  @Override
  public void onReceiveDataError(ChannelId channelId, String reason) throws DataTransferException {
    report(channelId, EventCode.RECEIVE_DATA_ERROR, reason);
  }

  /** Records a transport problem on a channel that has not ended; others have nothing to learn. */
  private void report(ChannelId channelId, EventCode code, String reason)
      throws DataTransferException {
    guarded(
        code.goName(),
        channelId,
        () -> {
          boolean applied =
              ctx.channels.fireUnlessEnding(channelId, new ChannelEvent.Failure(code, reason));
          if (applied) {
            log.warn("channel {}: {}: {}", channelId, code, reason);
          }
          return null;
        });
  }
}
