package io.dt4j.benchmarks.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;

/**
 * The benchmarks' voucher: any DAG-CBOR value, kept as its bytes and never looked into. The
 * benchmark daemons run {@link BenchValidator}, which accepts every transfer that carries one, and
 * no revalidator, so that a transfer of any size runs to its end without payment pauses (the
 * example voucher's revalidator pauses after 1 MiB until a new voucher comes, which the admin API
 * does not send).
 *
 * @param cbor the voucher's DAG-CBOR bytes
 */
public record BenchVoucher(byte[] cbor) implements Voucher {
  /** The voucher type's name, {@code dt4j-bench/Voucher}. */
  public static final TypeIdentifier TYPE = TypeIdentifier.of("dt4j-bench/Voucher");

  public BenchVoucher {
    cbor = cbor.clone();
  }

  @Override
  public byte[] cbor() {
    return cbor.clone();
  }

  @Override
  public TypeIdentifier type() {
    return TYPE;
  }
}
