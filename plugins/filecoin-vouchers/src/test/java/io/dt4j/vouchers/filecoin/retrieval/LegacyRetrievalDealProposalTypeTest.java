package io.dt4j.vouchers.filecoin.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Golden;
import io.dt4j.vouchers.filecoin.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyRetrievalDealProposalTypeTest extends VoucherTypeContract<RetrievalDealProposal> {

  @Override
  protected VoucherType<RetrievalDealProposal> voucherType() {
    return new LegacyRetrievalDealProposalType();
  }

  @Override
  protected List<RetrievalDealProposal> samples() {
    return List.of(Samples.goProposal(RetrievalVersion.V0));
  }

  @Test
  void readsAndWritesGoBytes() throws VoucherDecodingException {
    assertThat(voucherType().identifier().value()).isEqualTo("RetrievalDealProposal");
    Golden.assertVector(
        voucherType(), GoVectors.PROPOSAL_V0, Samples.goProposal(RetrievalVersion.V0));
  }

  @Test
  void aCurrentProposalIsNotEncodedUnderTheLegacyName() {
    assertThatThrownBy(() -> voucherType().encode(Samples.goProposal(RetrievalVersion.V1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RetrievalDealProposal/1");
  }

  @Test
  void aTupleWithAMissingFieldIsRejected() {
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes("820c0c")))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessage(
            "RetrievalDealProposal: wrong number of fields: 2, expected 3 at byte offset 0");
  }
}
