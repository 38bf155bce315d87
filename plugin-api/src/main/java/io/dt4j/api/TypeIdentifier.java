package io.dt4j.api;

import java.util.Objects;

/**
 * The registry name of a voucher or voucher-result type, sent on the wire in the {@code VTyp} field
 * (for example {@code "StorageDataTransferVoucher"}). The receiver picks the decoder by this name.
 *
 * @param value the name; the empty string means "no voucher"
 */
public record TypeIdentifier(String value) {
  /** The empty identifier: no voucher present. */
  public static final TypeIdentifier EMPTY = new TypeIdentifier("");

  /** Checks that the value is present. */
  public TypeIdentifier {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the identifier with the given name.
   *
   * @param value the name
   * @return the identifier
   */
  public static TypeIdentifier of(String value) {
    return value.isEmpty() ? EMPTY : new TypeIdentifier(value);
  }

  /** Returns the name itself. */
  @Override
  public String toString() {
    return value;
  }
}
