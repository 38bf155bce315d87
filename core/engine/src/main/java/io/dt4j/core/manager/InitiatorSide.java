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
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.ChannelRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiator's handling of responses, whether they came on dt-net or with the transport
 * (data-transfer.md §5.9): the voucher result is decoded and recorded, then the {@link
 * ResponseRules} events are applied.
 *
 * <p>A Complete may arrive before the Accept: for a pull the Accept comes with the transport's
 * response while the Complete comes on dt-net (data-transfer.md §5.2), so nothing orders them. As
 * in Go's channel FSM, {@code ResponderCompletes} is allowed from Requested: the Complete implies
 * the acceptance (Requested → ResponderCompleted), the channel completes when its own transport
 * finishes, and the late Accept finds no transition and changes nothing. An ending is never
 * dropped.
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
      ctx.channels.require(channelId);
      Optional<EncodedVoucher> result = Optional.empty();
      if (ResponseRules.DECISIONS.contains(response.type())
          && response.voucherResult().isPresent()
          && !response.voucherResult().get().type().value().isEmpty()) {
        result = response.voucherResult();
        ctx.registry.decodeResult(result.get());
      }
      Optional<EncodedVoucher> recorded = result;
      ctx.channels.fireAll(channelId, current -> eventsFor(current, response, recorded));
      return Outcome.PROCEED;
    } catch (ChannelNotFoundException e) {
      return Outcome.ignore(e.getMessage());
    } catch (DataTransferException e) {
      log.warn("channel {}: response not applied: {}", channelId, e.getMessage());
      return Outcome.fail(e);
    }
  }

  /** The events of a response, given the channel as it is when they are applied. */
  private static List<ChannelEvent> eventsFor(
      ChannelRecord current, TransferResponse response, Optional<EncodedVoucher> result) {
    ChannelId channelId = current.channelId();
    if (response.type() == MessageType.COMPLETE && current.status() == Status.REQUESTED) {
      log.debug("channel {}: responder completed before its acceptance arrived", channelId);
    }
    if (response.type() == MessageType.COMPLETE && ChannelUpdates.isEnding(current.status())) {
      // a responder that served a restart of a pull it had completed completes again (Completion);
      // once this side is completing, a second ResponderCompletes would take it back to
      // ResponderCompleted, where its clean-up has no transition (§4.4), and leave it there
      log.info(
          "channel {}: responder completed again while {}: already done",
          channelId,
          current.status());
      return List.of();
    }
    if (response.type() == MessageType.CANCEL && ChannelUpdates.isEnding(current.status())) {
      log.info("channel {}: cancel while {}: nothing more to do", channelId, current.status());
      return List.of();
    }
    List<ChannelEvent> events = new ArrayList<>();
    result.ifPresent(r -> events.add(ChannelUpdates.resultEvent(r)));
    for (EventCode code : ResponseRules.eventsFor(response)) {
      if (code == EventCode.ERROR) {
        log.info("channel {}: received rejected response, erroring out channel", channelId);
        events.add(new ChannelEvent.Failure(EventCode.ERROR, TransferRejectedException.GO_TEXT));
      } else {
        events.add(ChannelEvent.of(code));
      }
    }
    return events;
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
}
