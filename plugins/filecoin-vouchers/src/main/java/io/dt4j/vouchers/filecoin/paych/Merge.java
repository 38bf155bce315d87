package io.dt4j.vouchers.filecoin.paych;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;

import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.util.List;

/**
 * A lane that a {@link SignedVoucher} merges into its own lane (specs-actors v0.9 {@code
 * paych.Merge}).
 *
 * @param lane the merged lane, unsigned
 * @param nonce the merged lane's nonce, unsigned
 */
public record Merge(long lane, long nonce) {
  private static final Field<Merge, Long> LANE = Field.of("Lane", UINT64, Merge::lane);
  private static final Field<Merge, Long> NONCE = Field.of("Nonce", UINT64, Merge::nonce);

  /** cbor-gen tuple {@code [Lane, Nonce]}. */
  public static final StructCodec<Merge> CODEC =
      StructCodec.tuple(List.of(LANE, NONCE), v -> new Merge(v.get(LANE), v.get(NONCE)));
}
