package io.dt4j.example.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import org.pf4j.Extension;

/** The {@link ExampleVoucherResult} type: its name and its CBOR tuple codec {@code [msg, n]}. */
@Extension
public final class ExampleVoucherResultType implements VoucherType<ExampleVoucherResult> {

  @Override
  public TypeIdentifier identifier() {
    return ExampleVoucherResult.TYPE;
  }

  @Override
  public Class<ExampleVoucherResult> javaType() {
    return ExampleVoucherResult.class;
  }

  @Override
  public byte[] encode(ExampleVoucherResult result) {
    return TupleCodec.encode(result.message(), result.bytesSoFar());
  }

  @Override
  public ExampleVoucherResult decode(byte[] cbor) throws VoucherDecodingException {
    TupleCodec.Pair pair = TupleCodec.decode(ExampleVoucherResult.TYPE, cbor);
    return new ExampleVoucherResult(pair.text(), pair.number());
  }
}
