package io.dt4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RequestValidator} decides about a new push or pull request. In Go the same decision
 * is a (result, error) pair where the error is nil, {@code ErrPause} or a rejection; here each
 * outcome is its own type.
 */
public sealed interface ValidationResult
    permits ValidationResult.Accept, ValidationResult.AcceptPaused, ValidationResult.Reject {

  /** Returns the voucher result to send back to the requester, if any. */
  Optional<VoucherResult> voucherResult();

  /**
   * Accepts the request; data starts moving.
   *
   * @param voucherResult the result to send back, if any
   */
  record Accept(Optional<VoucherResult> voucherResult) implements ValidationResult {
    /** Checks that the optional is present. */
    public Accept {
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /**
   * Accepts the request but keeps the channel paused by the responder until it is resumed, for
   * example until a payment arrives (Go's {@code ErrPause}).
   *
   * @param voucherResult the result to send back, if any
   */
  record AcceptPaused(Optional<VoucherResult> voucherResult) implements ValidationResult {
    /** Checks that the optional is present. */
    public AcceptPaused {
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /**
   * Rejects the request; no channel is created.
   *
   * @param reason why, for logs and for the requester's channel message
   * @param voucherResult the result to send back, if any
   */
  record Reject(String reason, Optional<VoucherResult> voucherResult) implements ValidationResult {
    /** Checks that no part is missing. */
    public Reject {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(voucherResult, "voucherResult");
    }
  }

  /** Returns an acceptance without a voucher result. */
  static ValidationResult accept() {
    return new Accept(Optional.empty());
  }

  /**
   * Returns an acceptance with a voucher result.
   *
   * @param result the voucher result
   * @return the acceptance
   */
  static ValidationResult accept(VoucherResult result) {
    return new Accept(Optional.of(result));
  }

  /**
   * Returns an acceptance that leaves the channel paused by the responder.
   *
   * @param result the voucher result
   * @return the paused acceptance
   */
  static ValidationResult acceptPaused(VoucherResult result) {
    return new AcceptPaused(Optional.of(result));
  }

  /**
   * Returns a rejection without a voucher result.
   *
   * @param reason why
   * @return the rejection
   */
  static ValidationResult reject(String reason) {
    return new Reject(reason, Optional.empty());
  }
}
