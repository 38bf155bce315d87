package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.ChannelRecord;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when the transport has finished moving a channel's data (data-transfer.md §5.6): the
 * initiator records FinishTransfer; the responder asks its revalidators to settle, sends Complete
 * on dt-net and completes, or begins finalizing when a final voucher is due. A transport failure
 * fails the channel, unless it is already ending.
 */
final class Completion {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ManagerContext ctx;
  private final Revalidation revalidation;

  Completion(ManagerContext ctx, Revalidation revalidation) {
    this.ctx = ctx;
    this.revalidation = revalidation;
  }

  /**
   * The transport finished the channel's data.
   *
   * @param channelId the channel
   * @param failure why the transport gave up, or empty when all data moved
   * @throws DataTransferException if the channel is unknown
   */
  void onTransportFinished(ChannelId channelId, Optional<String> failure)
      throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    if (failure.isPresent()) {
      String error =
          "data transfer channel " + channelId + " failed to transfer data: " + failure.get();
      boolean failed =
          ctx.channels.fireUnlessEnding(
              channelId, new ChannelEvent.Failure(EventCode.ERROR, error));
      if (failed) {
        log.warn(error);
      }
      return;
    }
    if (!ctx.isInitiator(channelId) && Restarts.servesAgain(record)) {
      completeAgain(record);
      return;
    }
    if (ChannelUpdates.isEnding(record.status())) {
      log.debug("channel {}: transport finished while {}", channelId, record.status());
      return;
    }
    if (ctx.isInitiator(channelId)) {
      log.info("channel {}: transfer initiated by local node is complete", channelId);
      ctx.channels.fire(channelId, EventCode.FINISH_TRANSFER);
      return;
    }
    responderCompletes(channelId);
  }

  /** A completed pull served again after its initiator's restart: Complete once more. */
  private void completeAgain(ChannelRecord record) throws DataTransferException {
    List<EncodedVoucher> results = record.voucherResults();
    Optional<EncodedVoucher> last =
        results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
    log.info("channel {}: served again after a restart, completing again", record.channelId());
    ctx.send(
        record.channelId().initiator(),
        Messages.decision(MessageType.COMPLETE, record.channelId().id(), true, false, last));
  }

  private void responderCompletes(ChannelId channelId) throws DataTransferException {
    RevalidationResult answer = revalidation.onComplete(channelId);
    Optional<EncodedVoucher> result = ctx.encodeResult(channelId, answer.voucherResult());
    if (result.isPresent()) {
      ctx.channels.voucherResult(channelId, result.get());
    }
    boolean accepted = !(answer instanceof RevalidationResult.Reject);
    boolean paused = answer instanceof RevalidationResult.Pause;
    TransferResponse complete =
        Messages.decision(MessageType.COMPLETE, channelId.id(), accepted, paused, result);
    try {
      ctx.send(channelId.initiator(), complete);
    } catch (DataTransferException e) {
      String error =
          "channel "
              + channelId
              + ": failed to send completion message to initiator: "
              + e.getMessage();
      log.warn(error);
      ctx.channels.fail(channelId, EventCode.DISCONNECTED, error);
      return;
    }
    if (accepted && paused) {
      ctx.channels.fire(channelId, EventCode.BEGIN_FINALIZING);
    } else if (accepted) {
      ctx.channels.fire(channelId, EventCode.COMPLETE);
    } else {
      // Go passes a nil error here (§5.6); the revalidator's reason is clearer
      String reason = ((RevalidationResult.Reject) answer).reason();
      ctx.channels.fail(channelId, EventCode.ERROR, "completion rejected: " + reason);
    }
  }
}
