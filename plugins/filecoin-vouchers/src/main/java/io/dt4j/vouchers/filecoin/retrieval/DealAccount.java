package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.api.RevalidationResult;
import io.dt4j.api.ValidationResult;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.Optional;

/**
 * The provider's account of one paid retrieval: bytes sent, funds received, and when to ask for
 * money (data-transfer.md §5.5–5.6, go-fil-markets' provider revalidator).
 *
 * <p>The client owes the unseal price before any data, then the price per byte for every byte sent.
 * Payment is asked for each time the bytes sent reach the next payment point: the first is the
 * proposal's payment interval, and each following interval is longer by the interval increase. The
 * request covers every byte sent so far; the channel stays paused until payments cover it. When all
 * data is sent, the rest is asked for as the last payment and the channel finalizes until it is
 * paid.
 *
 * <p>A pure state machine: it answers with the {@link RevalidationResult} for the manager and keeps
 * no other state; it is not thread-safe (its owner serialises calls).
 */
final class DealAccount {
  /** Where the deal stands. */
  enum Phase {
    /** Waiting for the unseal price before sending. */
    AWAITING_UNSEAL_PAYMENT(DealStatus.FUNDS_NEEDED_UNSEAL),
    /** Sending data. */
    SENDING(DealStatus.ONGOING),
    /** Paused at a payment point. */
    AWAITING_PAYMENT(DealStatus.FUNDS_NEEDED),
    /** All data sent; waiting for the last payment. */
    FINALIZING(DealStatus.FUNDS_NEEDED_LAST_PAYMENT),
    /** Paid in full and complete. */
    DONE(DealStatus.COMPLETED);

    private final DealStatus status;

    Phase(DealStatus status) {
      this.status = status;
    }
  }

  private final RetrievalDealProposal proposal;
  private final PaymentLanes lanes;
  private Phase phase;
  private long bytesSent;
  private long billedBytes;
  private long nextPaymentPoint;
  private long intervalSize;
  private TokenAmount fundsReceived = TokenAmount.ZERO;

  DealAccount(RetrievalDealProposal proposal) {
    this.proposal = proposal;
    this.lanes = new PaymentLanes(proposal.dealId());
    RetrievalParams params = proposal.params();
    this.phase = params.unsealPrice().isPositive() ? Phase.AWAITING_UNSEAL_PAYMENT : Phase.SENDING;
    this.intervalSize = unsigned(params.paymentInterval());
    this.nextPaymentPoint = intervalSize;
  }

  /** Returns the answer to the proposal: accepted, or accepted paused until the unseal price. */
  ValidationResult acceptance() {
    if (phase == Phase.AWAITING_UNSEAL_PAYMENT) {
      return ValidationResult.acceptPaused(response(DealStatus.FUNDS_NEEDED_UNSEAL, owedFor(0)));
    }
    return ValidationResult.accept(response(DealStatus.ACCEPTED, TokenAmount.ZERO));
  }

  /** Returns the phase. */
  Phase phase() {
    return phase;
  }

  /**
   * Counts bytes sent and pauses for payment at a payment point.
   *
   * @param bytes bytes sent since the last call
   * @return continue, or pause with a funds-needed response
   */
  RevalidationResult dataSent(long bytes) {
    bytesSent = saturatedAdd(bytesSent, unsigned(bytes));
    if (phase != Phase.SENDING
        || !proposal.params().pricePerByte().isPositive()
        || bytesSent < nextPaymentPoint) {
      return RevalidationResult.proceed();
    }
    billedBytes = bytesSent;
    TokenAmount owed = owedFor(billedBytes);
    if (!owed.isPositive()) {
      advancePaymentPoint();
      return RevalidationResult.proceed();
    }
    phase = Phase.AWAITING_PAYMENT;
    return RevalidationResult.pause(response(DealStatus.FUNDS_NEEDED, owed));
  }

  /**
   * All data was sent: completes if paid in full, else asks for the last payment.
   *
   * @return continue with a completed response, or pause (finalize) with the last payment owed
   */
  RevalidationResult completed() {
    billedBytes = bytesSent;
    TokenAmount owed = owedFor(billedBytes);
    if (!owed.isPositive()) {
      phase = Phase.DONE;
      return new RevalidationResult.Continue(Optional.of(response(DealStatus.COMPLETED, owed)));
    }
    phase = Phase.FINALIZING;
    return RevalidationResult.pause(response(DealStatus.FUNDS_NEEDED_LAST_PAYMENT, owed));
  }

  /**
   * Takes a payment: resumes (or completes, when finalizing) once what was asked for is paid.
   *
   * @param payment the payment
   * @return resume, pause with what is still owed, continue (a payment nobody asked for yet), or
   *     reject with an errored response
   */
  RevalidationResult paid(RetrievalDealPayment payment) {
    try {
      fundsReceived = fundsReceived.add(lanes.credit(payment));
    } catch (PaymentRejectedException e) {
      return new RevalidationResult.Reject(
          e.getMessage(),
          Optional.of(
              new RetrievalDealResponse(
                  proposal.version(),
                  DealStatus.ERRORED,
                  proposal.dealId(),
                  TokenAmount.ZERO,
                  e.getMessage())));
    }
    TokenAmount owed = owedFor(billedBytes);
    if (owed.isPositive() && phase != Phase.SENDING) {
      return RevalidationResult.pause(response(phase.status, owed));
    }
    return switch (phase) {
      case FINALIZING -> {
        phase = Phase.DONE;
        yield new RevalidationResult.Resume(
            Optional.of(response(DealStatus.COMPLETED, TokenAmount.ZERO)));
      }
      case AWAITING_UNSEAL_PAYMENT, AWAITING_PAYMENT -> {
        phase = Phase.SENDING;
        advancePaymentPoint();
        yield RevalidationResult.resume();
      }
      case SENDING, DONE -> RevalidationResult.proceed();
    };
  }

  /** What the client owes for the unseal price and the given bytes, less what it paid. */
  private TokenAmount owedFor(long bytes) {
    RetrievalParams params = proposal.params();
    return params.unsealPrice().add(params.pricePerByte().times(bytes)).subtract(fundsReceived);
  }

  /** Moves the payment point past the bytes sent, each interval longer by the increase. */
  private void advancePaymentPoint() {
    long increase = unsigned(proposal.params().paymentIntervalIncrease());
    while (nextPaymentPoint <= bytesSent && nextPaymentPoint < Long.MAX_VALUE) {
      intervalSize = saturatedAdd(intervalSize, increase);
      nextPaymentPoint = saturatedAdd(nextPaymentPoint, Math.max(intervalSize, 1));
    }
  }

  private RetrievalDealResponse response(DealStatus status, TokenAmount owed) {
    return new RetrievalDealResponse(
        proposal.version(),
        status,
        proposal.dealId(),
        owed.isPositive() ? owed : TokenAmount.ZERO,
        "");
  }

  /** An unsigned 64-bit count as a long, capped at Long.MAX_VALUE. */
  private static long unsigned(long value) {
    return value < 0 ? Long.MAX_VALUE : value;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
