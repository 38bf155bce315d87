package io.dt4j.api;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A voucher or voucher result as it travels and is stored: its type name and the exact CBOR bytes
 * of one data item (inline in the message, not wrapped in a byte string; data-transfer.md §2.8).
 * Keeping the bytes lets a node forward and persist values of types it cannot decode.
 *
 * @param type the registry name of the value's type
 * @param cbor one complete CBOR data item
 */
public record EncodedVoucher(TypeIdentifier type, byte[] cbor) {

  /** Checks that no part is missing and copies the bytes. */
  public EncodedVoucher {
    Objects.requireNonNull(type, "type");
    cbor = cbor.clone();
  }

  /** Returns a copy of the CBOR bytes. */
  @Override
  public byte[] cbor() {
    return cbor.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedVoucher other
        && type.equals(other.type)
        && Arrays.equals(cbor, other.cbor);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(cbor);
  }

  @Override
  public String toString() {
    return type + ":" + HexFormat.of().formatHex(cbor);
  }
}
