package io.dt4j.benchmarks.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherType;
import org.pf4j.Extension;

/** The {@link BenchVoucher} type: its bytes as they are. */
@Extension
public final class BenchVoucherType implements VoucherType<BenchVoucher> {
  @Override
  public TypeIdentifier identifier() {
    return BenchVoucher.TYPE;
  }

  @Override
  public Class<BenchVoucher> javaType() {
    return BenchVoucher.class;
  }

  @Override
  public byte[] encode(BenchVoucher voucher) {
    return voucher.cbor();
  }

  @Override
  public BenchVoucher decode(byte[] cbor) {
    return new BenchVoucher(cbor);
  }
}
