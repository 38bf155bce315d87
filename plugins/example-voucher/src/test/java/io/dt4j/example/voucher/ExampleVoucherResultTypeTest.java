package io.dt4j.example.voucher;

import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import java.util.List;

class ExampleVoucherResultTypeTest extends VoucherTypeContract<ExampleVoucherResult> {

  @Override
  protected VoucherType<ExampleVoucherResult> voucherType() {
    return new ExampleVoucherResultType();
  }

  @Override
  protected List<ExampleVoucherResult> samples() {
    return List.of(new ExampleVoucherResult("accepted", 0), new ExampleVoucherResult("paid", 42));
  }
}
