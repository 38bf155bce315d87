package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.channels.CidSet;
import io.dt4j.core.network.MessageReceiver;
import io.dt4j.ipld.Cid;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's {@link MessageReceiver}: messages that came on dt-net, handled per channel in
 * arrival order, then Go's post-processing (data-transfer.md §5.9): the reply goes back on dt-net —
 * except an accepted push, which opens the data request carrying the reply, and a resumption of a
 * running channel, which resumes the transport carrying it; then the transport is paused or closed
 * as the handler said.
 */
final class NetworkMessages implements MessageReceiver {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  /** Statuses in which a revalidation that resumes travels with the transport (§5.5). */
  private static final Set<Status> RESUMES_TRANSPORT =
      Set.of(Status.REQUESTED, Status.ONGOING, Status.INITIATOR_PAUSED);

  private final ManagerContext ctx;
  private final ResponderSide responder;
  private final InitiatorSide initiator;
  private final Restarts restarts;
  private final ChannelQueues queues;

  NetworkMessages(
      ManagerContext ctx,
      ResponderSide responder,
      InitiatorSide initiator,
      Restarts restarts,
      ChannelQueues queues) {
    this.ctx = ctx;
    this.responder = responder;
    this.initiator = initiator;
    this.restarts = restarts;
    this.queues = queues;
  }

  @Override
  public void receiveRequest(PeerId from, TransferRequest request) {
    ChannelId channelId = new ChannelId(from, ctx.self, request.transferId());
    queues.execute(channelId, () -> onRequest(from, channelId, request));
  }

  @Override
  public void receiveResponse(PeerId from, TransferResponse response) {
    ChannelId channelId = new ChannelId(ctx.self, from, response.transferId());
    queues.execute(channelId, () -> onResponse(channelId, response));
  }

  @Override
  public void receiveRestartExistingChannelRequest(PeerId from, TransferRequest request) {
    ChannelId channelId =
        request.restartChannel().orElse(new ChannelId(ctx.self, from, request.transferId()));
    queues.execute(channelId, () -> restarts.onRestartExistingChannel(from, request));
  }

  @Override
  public void receiveError(PeerId from, Exception error) {
    log.warn("unreadable data-transfer message from {}: {}", from, error.getMessage());
  }

  private void onRequest(PeerId from, ChannelId channelId, TransferRequest request) {
    Reply reply = responder.onRequest(channelId, request);
    Outcome outcome = reply.outcome();
    if (outcome instanceof Outcome.Resume && reply.response().isPresent()) {
      Optional<Status> status = ctx.channels.find(channelId).map(r -> r.status());
      if (status.isPresent()
          && RESUMES_TRANSPORT.contains(status.get())
          && ctx.pauseable().isPresent()) {
        ctx.resumeTransport(channelId, reply.response().get());
        return;
      }
    }
    if (reply.response().isPresent()) {
      TransferResponse response = reply.response().get();
      if (opensDataRequest(request, response)) {
        openDataRequest(from, channelId, request, response);
      } else {
        trySend(from, channelId, response);
      }
    }
    afterwards(channelId, outcome);
  }

  private void onResponse(ChannelId channelId, TransferResponse response) {
    afterwards(channelId, initiator.onResponse(channelId, response));
  }

  /** §5.1 step 4: the responder of an accepted push asks for the data, carrying its answer. */
  private static boolean opensDataRequest(TransferRequest request, TransferResponse response) {
    return (response.type() == MessageType.NEW || response.type() == MessageType.RESTART)
        && response.accepted()
        && !request.pull();
  }

  private void openDataRequest(
      PeerId initiatorPeer, ChannelId channelId, TransferRequest request, TransferResponse reply) {
    Set<Cid> received = Set.of();
    if (reply.type() == MessageType.RESTART) {
      received = ctx.channels.cids(channelId, CidSet.DATA_RECEIVED);
      ctx.replacingOwnRequest(channelId);
    }
    try {
      Blocking.await(
          ctx.transport.openChannel(
              initiatorPeer,
              channelId,
              request.baseCid().orElseThrow(),
              request.selector().orElseThrow(),
              received,
              reply));
    } catch (DataTransferException e) {
      String error = "unable to request the data of channel " + channelId + ": " + e.getMessage();
      log.warn(error);
      report(channelId, error);
    }
  }

  private void trySend(PeerId to, ChannelId channelId, TransferResponse response) {
    try {
      ctx.send(to, response);
    } catch (DataTransferException e) {
      log.warn("channel {}: response {} not sent: {}", channelId, response.type(), e.getMessage());
    }
  }

  private void afterwards(ChannelId channelId, Outcome outcome) {
    if (outcome instanceof Outcome.Pause) {
      ctx.pauseTransport(channelId);
    } else if (outcome instanceof Outcome.Fail fail) {
      log.info("channel {}: {}", channelId, fail.error().getMessage());
      if (fail.closesTransport()) {
        ctx.abortTransport(channelId);
      }
    }
  }

  private void report(ChannelId channelId, String error) {
    try {
      if (ctx.channels.find(channelId).isPresent()) {
        ctx.channels.fail(channelId, EventCode.DISCONNECTED, error);
      }
    } catch (DataTransferException e) {
      log.warn("channel {}: {}", channelId, e.getMessage());
    }
  }
}
