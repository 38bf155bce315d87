package io.dt4j.example.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleVoucherTypeTest extends VoucherTypeContract<ExampleVoucher> {

  @Override
  protected VoucherType<ExampleVoucher> voucherType() {
    return new ExampleVoucherType();
  }

  @Override
  protected List<ExampleVoucher> samples() {
    return List.of(
        new ExampleVoucher("deal-1", 1),
        new ExampleVoucher("", 0),
        new ExampleVoucher("deal-ü", Long.MAX_VALUE));
  }

  @Test
  void encodesAsATwoElementCborTuple() {
    byte[] bytes = new ExampleVoucherType().encode(new ExampleVoucher("deal-1", 10));

    // 82: array(2), 66 "deal-1", 0a: 10
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("8266" + "6465616c2d31" + "0a");
  }
}
