package io.dt4j.example.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import java.util.Objects;

/**
 * A voucher that names the deal a transfer belongs to and how many bytes the deal pays for.
 *
 * @param dealRef the deal's reference, e.g. {@code deal-42}
 * @param paidBytes how many bytes the sender of the voucher pays for
 */
public record ExampleVoucher(String dealRef, long paidBytes) implements Voucher {
  /** The registry name of this voucher type. */
  public static final TypeIdentifier TYPE = TypeIdentifier.of("dt4j/ExampleVoucher");

  /** Checks the fields. */
  public ExampleVoucher {
    Objects.requireNonNull(dealRef, "dealRef");
    if (paidBytes < 0) {
      throw new IllegalArgumentException("paidBytes must not be negative: " + paidBytes);
    }
  }

  @Override
  public TypeIdentifier type() {
    return TYPE;
  }
}
