package io.dt4j.vouchers.filecoin.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Golden;
import io.dt4j.vouchers.filecoin.Samples;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyRetrievalDealResponseTypeTest extends VoucherTypeContract<RetrievalDealResponse> {

  @Override
  protected VoucherType<RetrievalDealResponse> voucherType() {
    return new LegacyRetrievalDealResponseType();
  }

  @Override
  protected List<RetrievalDealResponse> samples() {
    return List.of(
        Samples.goResponse(RetrievalVersion.V0),
        new RetrievalDealResponse(
            RetrievalVersion.V0, DealStatus.FUNDS_NEEDED, 7, TokenAmount.of(1 << 20), ""));
  }

  @Test
  void readsAndWritesGoBytes() throws VoucherDecodingException {
    assertThat(voucherType().identifier().value()).isEqualTo("RetrievalDealResponse");
    Golden.assertVector(
        voucherType(), GoVectors.RESPONSE_V0, Samples.goResponse(RetrievalVersion.V0));
  }
}
