package io.dt4j.core.manager;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferResponse;
import java.util.Optional;

/**
 * Go's {@code processRevalidationResult} as a pure decision (data-transfer.md §5.5): from the
 * channel's status and a revalidator's answer, the response to send, the event that pauses or
 * resumes the responder, and the outcome for the transport. Only the responder revalidates.
 *
 * @param response the VoucherResult response, or a Complete response while finalizing
 * @param localEvent PauseResponder or ResumeResponder, if the answer pauses or resumes
 * @param outcome what to do with the transport
 */
record RevalidationStep(
    TransferResponse response, Optional<EventCode> localEvent, Outcome outcome) {

  /**
   * Decides what a revalidator's answer means.
   *
   * @param id the channel's transfer id
   * @param status the channel's status before the answer is applied
   * @param answer the revalidator's answer
   * @param result the answer's voucher result, encoded
   * @return the step, or empty when nothing is to be sent (no answer, or continue without result)
   */
  static Optional<RevalidationStep> of(
      TransferId id, Status status, RevalidationResult answer, Optional<EncodedVoucher> result) {
    if (answer instanceof RevalidationResult.NotHandled
        || (answer instanceof RevalidationResult.Continue && result.isEmpty())) {
      return Optional.empty();
    }
    boolean accepted = !(answer instanceof RevalidationResult.Reject);
    boolean paused = answer instanceof RevalidationResult.Pause;
    MessageType type =
        status == Status.FINALIZING ? MessageType.COMPLETE : MessageType.VOUCHER_RESULT;
    TransferResponse response = Messages.decision(type, id, accepted, paused, result);
    if (answer instanceof RevalidationResult.Pause) {
      return Optional.of(
          new RevalidationStep(response, Optional.of(EventCode.PAUSE_RESPONDER), Outcome.PAUSE));
    }
    if (answer instanceof RevalidationResult.Resume) {
      return Optional.of(
          new RevalidationStep(response, Optional.of(EventCode.RESUME_RESPONDER), Outcome.RESUME));
    }
    if (answer instanceof RevalidationResult.Reject reject) {
      return Optional.of(
          new RevalidationStep(
              response, Optional.empty(), Outcome.fail("voucher rejected: " + reject.reason())));
    }
    return Optional.of(new RevalidationStep(response, Optional.empty(), Outcome.PROCEED));
  }
}
