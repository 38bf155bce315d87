package io.dt4j.api;

/**
 * Information a responder returns about a voucher it accepted or rejected (for example a payment
 * request during a retrieval). Implementations are immutable values; their encoding is defined by
 * the {@link VoucherType} registered under {@link #type()}.
 */
public interface VoucherResult extends Registerable {}
