package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.FilecoinVoucherSettings;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.Objects;
import java.util.Optional;

/**
 * The retrieval terms this provider asks for (go-fil-markets' {@code retrievalmarket.Ask}): a
 * proposal is accepted if it pays at least these prices and pays at least this often.
 *
 * @param pricePerByte the lowest price per byte accepted
 * @param unsealPrice the lowest unseal price accepted
 * @param paymentInterval the largest first payment interval accepted, in bytes
 * @param paymentIntervalIncrease the largest interval increase accepted, in bytes
 */
public record RetrievalTerms(
    TokenAmount pricePerByte,
    TokenAmount unsealPrice,
    long paymentInterval,
    long paymentIntervalIncrease) {

  /** go-fil-markets' default price per byte, 2 attoFIL. */
  public static final TokenAmount DEFAULT_PRICE_PER_BYTE = TokenAmount.of(2);

  /** go-fil-markets' default payment interval and increase, 1 MiB. */
  public static final long DEFAULT_PAYMENT_INTERVAL = 1 << 20;

  /** Checks that no part is missing. */
  public RetrievalTerms {
    Objects.requireNonNull(pricePerByte, "pricePerByte");
    Objects.requireNonNull(unsealPrice, "unsealPrice");
  }

  /**
   * Returns the terms configured in the settings, with go-fil-markets' defaults.
   *
   * @param settings the settings
   * @return the terms
   * @throws io.dt4j.vouchers.filecoin.InvalidSettingException if a setting is unusable
   */
  public static RetrievalTerms from(FilecoinVoucherSettings settings) {
    return new RetrievalTerms(
        settings.amount(FilecoinVoucherSettings.RETRIEVAL_PRICE_PER_BYTE, DEFAULT_PRICE_PER_BYTE),
        settings.amount(FilecoinVoucherSettings.RETRIEVAL_UNSEAL_PRICE, TokenAmount.ZERO),
        settings.bytes(
            FilecoinVoucherSettings.RETRIEVAL_PAYMENT_INTERVAL, DEFAULT_PAYMENT_INTERVAL),
        settings.bytes(
            FilecoinVoucherSettings.RETRIEVAL_PAYMENT_INTERVAL_INCREASE, DEFAULT_PAYMENT_INTERVAL));
  }

  /**
   * Checks a proposal's terms against these, with go-fil-markets' messages.
   *
   * @param params the proposed terms
   * @return why they are not acceptable, or empty
   */
  public Optional<String> problemWith(RetrievalParams params) {
    if (params.pricePerByte().compareTo(pricePerByte) < 0) {
      return Optional.of("Price per byte too low");
    }
    if (Long.compareUnsigned(params.paymentInterval(), paymentInterval) > 0) {
      return Optional.of("Payment interval too large");
    }
    if (Long.compareUnsigned(params.paymentIntervalIncrease(), paymentIntervalIncrease) > 0) {
      return Optional.of("Payment interval increase too large");
    }
    if (params.unsealPrice().compareTo(unsealPrice) < 0) {
      return Optional.of("Unseal price too small");
    }
    if (params.pricePerByte().isPositive() && params.paymentInterval() == 0) {
      return Optional.of("Payment interval must be above zero when data has a price");
    }
    return Optional.empty();
  }
}
