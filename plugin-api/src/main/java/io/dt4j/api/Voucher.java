package io.dt4j.api;

/**
 * Proof that a transfer is wanted: usually a reference to the storage or retrieval deal it belongs
 * to. Every push and pull request carries one; the responder's {@link RequestValidator} for the
 * voucher's type accepts or rejects the request. Implementations are immutable values; their
 * encoding is defined by the {@link VoucherType} registered under {@link #type()}.
 */
public interface Voucher extends Registerable {}
