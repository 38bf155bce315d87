package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.Status;
import io.dt4j.api.TransferRejectedException;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.channels.ChannelRecord;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiator's handling of responses, whether they came on dt-net or with the transport
 * (data-transfer.md §5.9): the voucher result is decoded and recorded, then the {@link
 * ResponseRules} events are applied. A Complete for a channel that was never accepted and moved no
 * data is out of order: logged and dropped.
 */
final class InitiatorSide {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  /** The data sender keeps its side of the transport paused while the responder is paused. */
  private static final Set<Status> RESPONDER_HOLDS =
      Set.of(Status.RESPONDER_PAUSED, Status.BOTH_PAUSED);

  private final ManagerContext ctx;

  InitiatorSide(ManagerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Handles a response of the channel's responder.
   *
   * @param channelId (initiator = this node, responder = the sender of the response, the id)
   * @param response the response
   * @return what to do with the transport
   */
  Outcome onResponse(ChannelId channelId, TransferResponse response) {
    try {
      ChannelRecord record = ctx.channels.require(channelId);
      if (outOfOrder(record, response)) {
        return Outcome.ignore(
            "channel " + channelId + ": " + response.type() + " before the channel was accepted");
      }
      if (ResponseRules.DECISIONS.contains(response.type())) {
        Optional<EncodedVoucher> result = response.voucherResult();
        if (result.isPresent() && !result.get().type().value().isEmpty()) {
          ctx.registry.decodeResult(result.get());
          ctx.channels.voucherResult(channelId, result.get());
        }
      }
      for (EventCode event : ResponseRules.eventsFor(response)) {
        if (event == EventCode.ERROR) {
          log.info("channel {}: received rejected response, erroring out channel", channelId);
          ctx.channels.fail(channelId, EventCode.ERROR, TransferRejectedException.GO_TEXT);
        } else {
          ctx.channels.fire(channelId, event);
        }
      }
      return Outcome.PROCEED;
    } catch (ChannelNotFoundException e) {
      return Outcome.ignore(e.getMessage());
    } catch (DataTransferException e) {
      log.warn("channel {}: response not applied: {}", channelId, e.getMessage());
      return Outcome.fail(e);
    }
  }

  /**
   * What the data sender's side of the transport does after a response that came with the
   * transport: it holds the data while the responder is paused (so no block moves before the
   * responder resumes), and lets it go when a resumption brings the channel back to Ongoing.
   *
   * @param channelId the channel, which this node initiated
   * @param response the response just handled
   * @return pause, resume or proceed
   */
  Outcome senderSideAfter(ChannelId channelId, TransferResponse response) {
    Optional<ChannelRecord> record = ctx.channels.find(channelId);
    if (record.isEmpty() || record.get().isPull()) {
      return Outcome.PROCEED;
    }
    Status status = record.get().status();
    if (RESPONDER_HOLDS.contains(status)) {
      return Outcome.PAUSE;
    }
    boolean resumption =
        !response.paused()
            && (response.type() == MessageType.UPDATE
                || response.type() == MessageType.VOUCHER_RESULT);
    return resumption && status == Status.ONGOING ? Outcome.RESUME : Outcome.PROCEED;
  }

  private static boolean outOfOrder(ChannelRecord record, TransferResponse response) {
    return response.type() == MessageType.COMPLETE
        && record.status() == Status.REQUESTED
        && record.sent() == 0
        && record.received() == 0
        && record.queued() == 0;
  }
}
