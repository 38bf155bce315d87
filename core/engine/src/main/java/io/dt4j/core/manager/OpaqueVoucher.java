package io.dt4j.core.manager;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherResult;
import java.util.Objects;

/**
 * A stored voucher or voucher result whose type this node cannot decode (not registered, or its
 * bytes are bad): channel snapshots still list it, with its type name and bytes.
 *
 * @param encoded the type name and bytes as stored
 */
public record OpaqueVoucher(EncodedVoucher encoded) implements Voucher, VoucherResult {
  /** Checks the value is present. */
  public OpaqueVoucher {
    Objects.requireNonNull(encoded, "encoded");
  }

  @Override
  public TypeIdentifier type() {
    return encoded.type();
  }
}
