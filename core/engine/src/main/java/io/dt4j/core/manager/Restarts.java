package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferRequest;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import io.dt4j.ipld.Cid;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarting channels after a disconnect or a process restart (data-transfer.md §5.7), in every
 * role: the initiator re-sends its request as a Restart request (on dt-net for a push, with a new
 * transport request for a pull, telling the transport which blocks it already has); the responder
 * re-validates and asks the initiator to restart; and the responder's checks of a Restart request.
 */
final class Restarts {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ManagerContext ctx;
  private final RequestValidation validation;

  Restarts(ManagerContext ctx, RequestValidation validation) {
    this.ctx = ctx;
    this.validation = validation;
  }

  /**
   * Restarts a channel ({@code RestartDataTransferChannel}): nothing for an ended channel, the end
   * of the clean-up for one cleaning up, else the restart of this node's role.
   *
   * @param channelId the channel
   * @throws DataTransferException if the channel is unknown or the restart could not be sent
   */
  void restart(ChannelId channelId) throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    if (Status.TERMINAL.contains(record.status())) {
      return;
    }
    if (Status.CLEANUP.contains(record.status())) {
      ctx.channels.fire(channelId, EventCode.COMPLETE_CLEANUP_ON_RESTART);
      return;
    }
    if (ctx.isInitiator(channelId)) {
      restartAsInitiator(record);
    } else {
      restartAsResponder(record);
    }
  }

  private void restartAsInitiator(ChannelRecord record) throws DataTransferException {
    ChannelId channelId = record.channelId();
    EncodedVoucher voucher = record.vouchers().get(0);
    TransferRequest request =
        Messages.restartRequest(
            channelId.id(), record.isPull(), voucher, record.baseCid(), record.selector());
    ctx.configureTransport(channelId, voucher);
    if (!record.isPull()) {
      try {
        ctx.send(record.otherPeer(), request);
      } catch (DataTransferException e) {
        throw new DataTransferException("Unable to send restart request: " + e.getMessage(), e);
      }
      return;
    }
    Set<Cid> received = ctx.channels.cids(channelId, CidSet.DATA_RECEIVED);
    ctx.replacingOwnRequest(channelId);
    try {
      Blocking.await(
          ctx.transport.openChannel(
              record.otherPeer(),
              channelId,
              record.baseCid(),
              record.selector(),
              received,
              request));
    } catch (DataTransferException e) {
      throw new DataTransferException(
          "Unable to send open channel restart request: " + e.getMessage(), e);
    }
  }

  private void restartAsResponder(ChannelRecord record) throws DataTransferException {
    ChannelId channelId = record.channelId();
    RequestValidation.Decision decision;
    try {
      decision =
          validation.validate(
              channelId,
              record.isPull(),
              record.vouchers().get(0),
              record.baseCid(),
              record.selector());
    } catch (DataTransferException e) {
      throw new DataTransferException(
          "failed to restart channel, validation error: " + e.getMessage(), e);
    }
    if (!decision.accepted()) {
      throw new DataTransferException(
          "failed to restart channel, validation error: " + decision.reason());
    }
    try {
      ctx.send(record.otherPeer(), Messages.restartExistingChannelRequest(channelId));
    } catch (DataTransferException e) {
      throw new DataTransferException("unable to send restart request: " + e.getMessage(), e);
    }
  }

  /**
   * The responder of a channel asks this node, its initiator, to restart it (Type 7, §5.7): ignored
   * unless the channel is ours, the sender is its responder, and it has not ended.
   *
   * @param from the sender
   * @param request the request naming the channel
   */
  void onRestartExistingChannel(PeerId from, TransferRequest request) {
    Optional<ChannelId> named = request.restartChannel();
    Optional<ChannelRecord> record = named.flatMap(ctx.channels::find);
    if (record.isEmpty()
        || !ctx.isInitiator(named.get())
        || !record.get().otherPeer().equals(from)
        || Status.TERMINAL.contains(record.get().status())) {
      log.warn("restart-existing-channel request from {} for {} ignored", from, named);
      return;
    }
    try {
      restartAsInitiator(record.get());
    } catch (DataTransferException e) {
      log.warn("channel {}: restart asked by {} failed: {}", named.get(), from, e.getMessage());
    }
  }

  /**
   * The initiator restarts a channel this node responds to (Type 6): checks it is the same channel,
   * validates again, records the restart and answers with a Restart response.
   *
   * @param channelId the channel
   * @param request the Restart request
   * @return the Restart response and what to do with the transport
   */
  Reply onRestartRequest(ChannelId channelId, TransferRequest request) {
    if (ctx.isInitiator(channelId)) {
      return rejected(channelId, "initiator cannot be manager peer for a restart request", null);
    }
    RequestValidation.Decision decision;
    try {
      ChannelRecord record = sameChannel(channelId, request);
      decision =
          validation.validate(
              channelId,
              request.pull(),
              request.voucher().orElseThrow(),
              record.baseCid(),
              request.selector().orElse(record.selector()));
    } catch (DataTransferException e) {
      return rejected(
          channelId,
          "restart request for channel " + channelId + " failed validation: " + e.getMessage(),
          null);
    }
    if (!decision.accepted()) {
      return rejected(channelId, "failed to validate voucher: " + decision.reason(), decision);
    }
    try {
      ctx.channels.fireAll(channelId, current -> decision.events(EventCode.RESTART));
      ctx.configureTransport(channelId, request.voucher().orElseThrow());
    } catch (DataTransferException e) {
      return rejected(channelId, "failed to restart channel " + channelId + ": " + e, decision);
    }
    return Reply.of(
        decision.response(MessageType.RESTART, channelId.id()),
        decision.paused() ? Outcome.PAUSE : Outcome.PROCEED);
  }

  /** Go's {@code validateRestartRequest}: the request must describe the stored channel. */
  private ChannelRecord sameChannel(ChannelId channelId, TransferRequest request)
      throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    if (Status.TERMINAL.contains(record.status()) && !servesAgain(record)) {
      throw new DataTransferException("channel is already terminated");
    }
    if (!request.baseCid().equals(Optional.of(record.baseCid()))) {
      throw new DataTransferException("base cid does not match");
    }
    EncodedVoucher offered =
        request.voucher().orElseThrow(() -> new DataTransferException("no voucher"));
    EncodedVoucher original = record.vouchers().get(0);
    byte[] offeredBytes;
    try {
      offeredBytes = ctx.registry.encode(ctx.registry.decodeForValidation(offered)).cbor();
    } catch (DataTransferException e) {
      throw new DataTransferException("failed to decode request voucher: " + e.getMessage(), e);
    }
    if (!offered.type().equals(original.type())) {
      throw new DataTransferException("channel and request voucher types do not match");
    }
    byte[] originalBytes = ctx.registry.encode(ctx.registry.decodeForValidation(original)).cbor();
    if (!Arrays.equals(offeredBytes, originalBytes)) {
      throw new DataTransferException("channel and request vouchers do not match");
    }
    return record;
  }

  /**
   * Whether a Restart request for an ended channel is served again: a pull this node completed as
   * the data sender. Its last blocks and the Complete message may have been lost with an initiator
   * that was killed after they left (the crash suite); the initiator's restart, which lists what it
   * has, gets the rest and Complete again, and the record here stays Completed. Go refuses it
   * ("channel is already terminated") and the initiator's channel fails for data the responder
   * still serves.
   */
  static boolean servesAgain(ChannelRecord record) {
    return record.status() == Status.COMPLETED && record.isPull();
  }

  private static Reply rejected(
      ChannelId channelId, String reason, RequestValidation.Decision decision) {
    log.info("channel {}: restart rejected: {}", channelId, reason);
    Optional<EncodedVoucher> result = decision == null ? Optional.empty() : decision.result();
    return Reply.of(
        Messages.decision(MessageType.RESTART, channelId.id(), false, false, result),
        Outcome.fail(reason));
  }
}
