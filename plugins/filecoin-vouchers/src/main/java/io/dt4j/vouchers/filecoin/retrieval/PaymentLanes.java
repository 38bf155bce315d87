package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.FilecoinAddress;
import io.dt4j.vouchers.filecoin.TokenAmount;
import io.dt4j.vouchers.filecoin.paych.SignedVoucher;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payment channel vouchers one deal has been paid with, per lane, and how much each new voucher
 * adds. A voucher's amount is the lane's running total, so a newer voucher (higher nonce) adds the
 * difference to the lane's previous amount.
 *
 * <p>What is checked: the payment is for this deal, carries a signed voucher for the channel it
 * names, all payments of the deal use one channel, the nonce grows and the amount does not shrink.
 * What is not: the signature itself and the channel's funds on chain (this plugin has no chain
 * access), and lane merges, which are refused.
 */
final class PaymentLanes {
  private final long dealId;
  private Optional<FilecoinAddress> channel = Optional.empty();
  private final Map<Long, SignedVoucher> latestByLane = new HashMap<>();

  PaymentLanes(long dealId) {
    this.dealId = dealId;
  }

  /**
   * Takes a payment and returns what it adds.
   *
   * @param payment the payment
   * @return the new funds: the voucher's amount minus the lane's previous amount
   * @throws PaymentRejectedException if the payment cannot be taken
   */
  TokenAmount credit(RetrievalDealPayment payment) throws PaymentRejectedException {
    SignedVoucher voucher = check(payment);
    SignedVoucher previous = latestByLane.get(voucher.lane());
    TokenAmount before = previous == null ? TokenAmount.ZERO : previous.amount();
    if (previous != null && Long.compareUnsigned(voucher.nonce(), previous.nonce()) <= 0) {
      throw new PaymentRejectedException(
          "voucher nonce "
              + Long.toUnsignedString(voucher.nonce())
              + " on lane "
              + Long.toUnsignedString(voucher.lane())
              + " is not above the lane's last nonce "
              + Long.toUnsignedString(previous.nonce()));
    }
    if (voucher.amount().compareTo(before) < 0) {
      throw new PaymentRejectedException(
          "voucher amount "
              + voucher.amount()
              + " on lane "
              + Long.toUnsignedString(voucher.lane())
              + " is below the lane's previous amount "
              + before);
    }
    channel = Optional.of(payment.paymentChannel());
    latestByLane.put(voucher.lane(), voucher);
    return voucher.amount().subtract(before);
  }

  private SignedVoucher check(RetrievalDealPayment payment) throws PaymentRejectedException {
    if (payment.dealId() != dealId) {
      throw new PaymentRejectedException(
          "payment is for deal "
              + Long.toUnsignedString(payment.dealId())
              + ", this channel carries deal "
              + Long.toUnsignedString(dealId));
    }
    SignedVoucher voucher =
        payment
            .paymentVoucher()
            .orElseThrow(() -> new PaymentRejectedException("payment carries no voucher"));
    if (!voucher.channelAddr().equals(payment.paymentChannel())) {
      throw new PaymentRejectedException(
          "voucher is for payment channel "
              + voucher.channelAddr()
              + ", the payment names "
              + payment.paymentChannel());
    }
    if (channel.isPresent() && !channel.get().equals(payment.paymentChannel())) {
      throw new PaymentRejectedException(
          "this deal is paid through payment channel "
              + channel.get()
              + ", not "
              + payment.paymentChannel());
    }
    if (voucher.signature().isEmpty()) {
      throw new PaymentRejectedException("payment voucher is not signed");
    }
    if (!voucher.merges().isEmpty()) {
      throw new PaymentRejectedException("payment vouchers that merge lanes are not accepted");
    }
    if (voucher.amount().attoFil().signum() < 0) {
      throw new PaymentRejectedException("voucher amount is negative: " + voucher.amount());
    }
    return voucher;
  }
}
