package io.dt4j.vouchers.filecoin.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Golden;
import io.dt4j.vouchers.filecoin.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyRetrievalDealPaymentTypeTest extends VoucherTypeContract<RetrievalDealPayment> {

  @Override
  protected VoucherType<RetrievalDealPayment> voucherType() {
    return new LegacyRetrievalDealPaymentType();
  }

  @Override
  protected List<RetrievalDealPayment> samples() {
    return List.of(Samples.goPayment(RetrievalVersion.V0));
  }

  @Test
  void readsAndWritesGoBytes() throws VoucherDecodingException {
    assertThat(voucherType().identifier().value()).isEqualTo("RetrievalDealPayment");
    Golden.assertVector(
        voucherType(), GoVectors.PAYMENT_V0, Samples.goPayment(RetrievalVersion.V0));
  }
}
