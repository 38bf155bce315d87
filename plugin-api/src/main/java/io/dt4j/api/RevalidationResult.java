package io.dt4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Revalidator} decides about a running channel. Go expresses the same as a (handled,
 * result, error) triple where the error may be {@code ErrPause} or {@code ErrResume}; here each
 * outcome is its own type.
 */
public sealed interface RevalidationResult
    permits RevalidationResult.NotHandled,
        RevalidationResult.Continue,
        RevalidationResult.Pause,
        RevalidationResult.Resume,
        RevalidationResult.Reject {

  /** Returns the voucher result to send to the other party, if any. */
  Optional<VoucherResult> voucherResult();

  /** This revalidator does not know the channel; the next revalidator is asked. */
  record NotHandled() implements RevalidationResult {
    @Override
    public Optional<VoucherResult> voucherResult() {
      return Optional.empty();
    }
  }

  /**
   * The channel goes on as it is.
   *
   * @param voucherResult the result to send, if any
   */
  record Continue(Optional<VoucherResult> voucherResult) implements RevalidationResult {
    /** Checks that the optional is present. */
    public Continue {
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /**
   * The responder pauses the channel and asks for a new voucher, sending this result (for example a
   * payment request). From {@link Revalidator#onComplete}, it starts the finalization phase.
   *
   * @param voucherResult the result that tells the initiator what to send
   */
  record Pause(Optional<VoucherResult> voucherResult) implements RevalidationResult {
    /** Checks that the optional is present. */
    public Pause {
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /**
   * The new voucher is accepted and a channel paused for revalidation resumes (Go's {@code
   * ErrResume}); a channel that was finalizing completes.
   *
   * @param voucherResult the result to send, if any
   */
  record Resume(Optional<VoucherResult> voucherResult) implements RevalidationResult {
    /** Checks that the optional is present. */
    public Resume {
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /**
   * The voucher is refused and the channel ends with an error.
   *
   * @param reason why, for logs and the channel message
   * @param voucherResult the result to send, if any
   */
  record Reject(String reason, Optional<VoucherResult> voucherResult)
      implements RevalidationResult {
    /** Checks that no part is missing. */
    public Reject {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /** Returns {@link NotHandled}. */
  static RevalidationResult notHandled() {
    return new NotHandled();
  }

  /** Returns {@link Continue} without a voucher result. */
  static RevalidationResult proceed() {
    return new Continue(Optional.empty());
  }

  /**
   * Returns {@link Pause} with the result that asks for a new voucher.
   *
   * @param result the voucher result to send
   * @return the pause
   */
  static RevalidationResult pause(VoucherResult result) {
    return new Pause(Optional.of(result));
  }

  /** Returns {@link Resume} without a voucher result. */
  static RevalidationResult resume() {
    return new Resume(Optional.empty());
  }

  /**
   * Returns {@link Reject} without a voucher result.
   *
   * @param reason why
   * @return the rejection
   */
  static RevalidationResult reject(String reason) {
    return new Reject(reason, Optional.empty());
  }
}
