package io.dt4j.example.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import org.pf4j.Extension;

/** The {@link ExampleVoucher} type: its name and its CBOR tuple codec {@code [dealRef, quota]}. */
@Extension
public final class ExampleVoucherType implements VoucherType<ExampleVoucher> {

  @Override
  public TypeIdentifier identifier() {
    return ExampleVoucher.TYPE;
  }

  @Override
  public Class<ExampleVoucher> javaType() {
    return ExampleVoucher.class;
  }

  @Override
  public byte[] encode(ExampleVoucher voucher) {
    return TupleCodec.encode(voucher.dealRef(), voucher.quotaBytes());
  }

  @Override
  public ExampleVoucher decode(byte[] cbor) throws VoucherDecodingException {
    TupleCodec.Pair pair = TupleCodec.decode(ExampleVoucher.TYPE, cbor);
    return new ExampleVoucher(pair.text(), pair.number());
  }
}
