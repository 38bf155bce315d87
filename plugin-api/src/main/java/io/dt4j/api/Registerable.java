package io.dt4j.api;

/**
 * A value that is sent inside data-transfer messages under a registered type name: a {@link
 * Voucher} or a {@link VoucherResult}. Its bytes are produced and read by the {@link VoucherType}
 * registered for {@link #type()}.
 */
public interface Registerable {
  /** Returns the registry name of this value's type, sent on the wire as {@code VTyp}. */
  TypeIdentifier type();
}
