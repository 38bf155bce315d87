package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.Voucher;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.ChannelRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder's revalidation (data-transfer.md §5.5): asks the revalidators, in registration
 * order, about new data and completion, checks new vouchers from the initiator, records the results
 * and pauses or resumes the responder. A revalidator that throws rejects, and is logged.
 */
final class Revalidation {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ManagerContext ctx;

  Revalidation(ManagerContext ctx) {
    this.ctx = ctx;
  }

  /** A new block was queued for sending on a pull this node serves. */
  Reply onPullDataSent(ChannelId channelId, long size) throws DataTransferException {
    return process(channelId, ask(r -> r.onPullDataSent(channelId, size)));
  }

  /** A new block was received on a push this node accepted. */
  Reply onPushDataReceived(ChannelId channelId, long size) throws DataTransferException {
    return process(channelId, ask(r -> r.onPushDataReceived(channelId, size)));
  }

  /** The transport finished on this responder: the revalidators settle (§5.6). */
  RevalidationResult onComplete(ChannelId channelId) {
    RevalidationResult answer = ask(r -> r.onComplete(channelId));
    return answer instanceof RevalidationResult.NotHandled ? RevalidationResult.proceed() : answer;
  }

  /** A Voucher request arrived: decode by the revalidators' types, revalidate, record. */
  Reply onVoucher(ChannelId channelId, TransferRequest request) throws DataTransferException {
    Optional<EncodedVoucher> encoded = request.voucher();
    if (encoded.isEmpty()) {
      return Reply.without(Outcome.fail("voucher request without a voucher"));
    }
    Voucher voucher = ctx.registry.decodeForRevalidation(encoded.get());
    ctx.channels.require(channelId);
    Revalidator revalidator = ctx.registry.revalidator(encoded.get().type()).orElseThrow();
    RevalidationResult answer = guarded(revalidator, r -> r.revalidate(channelId, voucher));
    ctx.channels.voucher(channelId, encoded.get());
    if (answer instanceof RevalidationResult.NotHandled) {
      return Reply.NONE;
    }
    return process(channelId, answer);
  }

  /** Go's {@code processRevalidationResult}: record the result, pause or resume, answer. */
  Reply process(ChannelId channelId, RevalidationResult answer) throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    Optional<EncodedVoucher> result = ctx.encodeResult(channelId, answer.voucherResult());
    Optional<RevalidationStep> step =
        RevalidationStep.of(channelId.id(), record.status(), answer, result);
    if (step.isEmpty()) {
      return Reply.NONE;
    }
    List<ChannelEvent> events = new ArrayList<>();
    result.ifPresent(r -> events.add(ChannelUpdates.resultEvent(r)));
    step.get().localEvent().ifPresent(code -> events.add(ChannelEvent.of(code)));
    ctx.channels.fireAll(channelId, current -> events);
    return Reply.of(step.get().response(), step.get().outcome());
  }

  private RevalidationResult ask(Function<Revalidator, RevalidationResult> call) {
    for (Revalidator revalidator : ctx.registry.revalidators()) {
      RevalidationResult answer = guarded(revalidator, call);
      if (!(answer instanceof RevalidationResult.NotHandled)) {
        return answer;
      }
    }
    return RevalidationResult.notHandled();
  }

  private static RevalidationResult guarded(
      Revalidator revalidator, Function<Revalidator, RevalidationResult> call) {
    try {
      RevalidationResult answer = call.apply(revalidator);
      if (answer == null) {
        throw new NullPointerException("revalidator returned null");
      }
      return answer;
    } catch (RuntimeException e) {
      log.warn("revalidator {} failed: {}", revalidator.getClass().getName(), e.toString());
      return RevalidationResult.reject(
          "revalidator " + revalidator.getClass().getName() + " failed: " + e);
    }
  }
}
