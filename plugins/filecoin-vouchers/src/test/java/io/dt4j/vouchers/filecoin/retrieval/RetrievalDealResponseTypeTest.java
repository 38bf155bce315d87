package io.dt4j.vouchers.filecoin.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Golden;
import io.dt4j.vouchers.filecoin.Samples;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalDealResponseTypeTest extends VoucherTypeContract<RetrievalDealResponse> {
  private static final long MYEL_DEAL = 1627988723469L;

  @Override
  protected VoucherType<RetrievalDealResponse> voucherType() {
    return new RetrievalDealResponseType();
  }

  @Override
  protected List<RetrievalDealResponse> samples() {
    return List.of(
        Samples.goResponse(RetrievalVersion.V1),
        RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.COMPLETED, 0),
        new RetrievalDealResponse(
            RetrievalVersion.V1,
            DealStatus.FINALIZING_BLOCKSTORE,
            Long.MAX_VALUE,
            TokenAmount.of(-1),
            "überweisung fehlt"));
  }

  @Test
  void readsAndWritesGoBytes() throws VoucherDecodingException {
    assertThat(voucherType().identifier().value()).isEqualTo("RetrievalDealResponse/1");
    Golden.assertVector(
        voucherType(), GoVectors.RESPONSE_V1, Samples.goResponse(RetrievalVersion.V1));
  }

  @Test
  void readsAndWritesWhatAGoProviderSentDuringARetrieval() throws VoucherDecodingException {
    Golden.assertVector(
        voucherType(),
        GoVectors.RESPONSE_V1_ACCEPTED,
        RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.ACCEPTED, MYEL_DEAL));
    Golden.assertVector(
        voucherType(),
        GoVectors.RESPONSE_V1_COMPLETED,
        RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.COMPLETED, MYEL_DEAL));
    Golden.assertVector(
        voucherType(),
        GoVectors.RESPONSE_V1_LAST_PAYMENT,
        new RetrievalDealResponse(
            RetrievalVersion.V1,
            DealStatus.FUNDS_NEEDED_LAST_PAYMENT,
            MYEL_DEAL,
            TokenAmount.of(1214),
            ""));
  }

  @Test
  void keysInLengthFirstOrderAreReadAndUnknownKeysSkipped() throws VoucherDecodingException {
    // {ID: 12, Extra: [1, 2], Status: 6, Message: "message", PaymentOwed: 222}
    String reordered =
        "a56249440c6545787472618201026653746174757306674d657373616765676d6573736167656b5061796d"
            + "656e744f7765644200de";

    assertThat(voucherType().decode(GoVectors.bytes(reordered)))
        .isEqualTo(Samples.goResponse(RetrievalVersion.V1));
  }

  @Test
  void anUnknownStatusARepeatedKeyAndBadUtf8AreRejected() {
    String unknownStatus =
        GoVectors.RESPONSE_V1.replace("6653746174757306", "665374617475731863"); // 99
    String repeated = "a26249440c6249440c";
    String badUtf8 = GoVectors.RESPONSE_V1.replace("676d657373616765", "62c328");

    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(unknownStatus)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining("unknown retrieval deal status 99");
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(repeated)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining("field ID: field appears twice");
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(badUtf8)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining("field Message: text is not valid UTF-8");
  }
}
