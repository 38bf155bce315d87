package io.dt4j.example.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import java.util.Objects;

/**
 * A voucher that names the deal a transfer belongs to and its byte quota: how many bytes the
 * channel may move in all. A later voucher on the same channel raises the quota.
 *
 * @param dealRef the deal's reference, e.g. {@code deal-42}
 * @param quotaBytes how many bytes the channel may move, in all (not in addition)
 */
public record ExampleVoucher(String dealRef, long quotaBytes) implements Voucher {
  /** The registry name of this voucher type. */
  public static final TypeIdentifier TYPE = TypeIdentifier.of("dt4j/ExampleVoucher");

  /** Checks the fields. */
  public ExampleVoucher {
    Objects.requireNonNull(dealRef, "dealRef");
    if (quotaBytes < 0) {
      throw new IllegalArgumentException("quotaBytes must not be negative: " + quotaBytes);
    }
  }

  @Override
  public TypeIdentifier type() {
    return TYPE;
  }
}
