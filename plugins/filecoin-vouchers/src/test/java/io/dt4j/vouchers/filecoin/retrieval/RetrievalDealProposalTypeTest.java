package io.dt4j.vouchers.filecoin.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Golden;
import io.dt4j.vouchers.filecoin.Samples;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalDealProposalTypeTest extends VoucherTypeContract<RetrievalDealProposal> {

  @Override
  protected VoucherType<RetrievalDealProposal> voucherType() {
    return new RetrievalDealProposalType();
  }

  @Override
  protected List<RetrievalDealProposal> samples() {
    return List.of(
        Samples.goProposal(RetrievalVersion.V1),
        new RetrievalDealProposal(
            RetrievalVersion.V1,
            Samples.ROOT,
            -1L, // 2^64 - 1
            new RetrievalParams(
                Optional.empty(),
                Optional.empty(),
                TokenAmount.ZERO,
                0,
                -1L,
                TokenAmount.parse("123456789012345678901234567890"))));
  }

  @Test
  void readsAndWritesGoBytes() throws VoucherDecodingException {
    assertThat(voucherType().identifier().value()).isEqualTo("RetrievalDealProposal/1");
    Golden.assertVector(
        voucherType(), GoVectors.PROPOSAL_V1, Samples.goProposal(RetrievalVersion.V1));
  }

  @Test
  void theSelectorIsKeptAsTheExactBytesSent() throws VoucherDecodingException {
    RetrievalDealProposal proposal = voucherType().decode(GoVectors.bytes(GoVectors.PROPOSAL_V1));

    assertThat(proposal.params().selector().orElseThrow().toByteArray())
        .isEqualTo(DagCbor.encode(Selectors.EXPLORE_ALL));
  }

  @Test
  void keysInLengthFirstOrderAsLaterCborGenWritesThemAreRead() throws VoucherDecodingException {
    // go-fil-markets v1.28 writes {ID, Params, PayloadCID} and Params' keys length-first
    String canonical =
        "a36249440c66506172616d73a6685069656365434944f66853656c6563746f72f66b556e7365616c50726963"
            + "65406c507269636550657242797465406f5061796d656e74496e74657276616c00775061796d656e74496e74"
            + "657276616c496e637265617365006a5061796c6f6164434944d82a58230012204bf5122f344554c53bde2ebb"
            + "8cd2b7e3d1600ad631c385a5d7cce23c7785459a";

    RetrievalDealProposal proposal = voucherType().decode(GoVectors.bytes(canonical));

    assertThat(proposal)
        .isEqualTo(
            new RetrievalDealProposal(
                RetrievalVersion.V1,
                Samples.GO_CID_VALUE,
                12,
                new RetrievalParams(
                    Optional.empty(), Optional.empty(), TokenAmount.ZERO, 0, 0, TokenAmount.ZERO)));
  }

  @Test
  void aMissingFieldIsNamed() {
    // {ID: 12, PayloadCID: ...} without Params
    String noParams =
        "a26249440c6a5061796c6f6164434944d82a58230012204bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5"
            + "d7cce23c7785459a";

    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(noParams)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageStartingWith("RetrievalDealProposal/1: missing field Params");
  }

  @Test
  void aPriceWithABadSignByteIsRejectedWithGosText() {
    String badPrice = GoVectors.PROPOSAL_V1.replace("42000c", "42020c");

    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(badPrice)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining(
            "field Params.PricePerByte: big int prefix should be either 0 or 1, got 2");
  }
}
