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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalDealPaymentTypeTest extends VoucherTypeContract<RetrievalDealPayment> {

  @Override
  protected VoucherType<RetrievalDealPayment> voucherType() {
    return new RetrievalDealPaymentType();
  }

  @Override
  protected List<RetrievalDealPayment> samples() {
    return List.of(
        Samples.goPayment(RetrievalVersion.V1),
        Samples.fullPayment(),
        new RetrievalDealPayment(RetrievalVersion.V1, 0, Samples.GO_CHANNEL, Optional.empty()));
  }

  @Test
  void readsAndWritesGoBytes() throws VoucherDecodingException {
    assertThat(voucherType().identifier().value()).isEqualTo("RetrievalDealPayment/1");
    Golden.assertVector(
        voucherType(), GoVectors.PAYMENT_V1, Samples.goPayment(RetrievalVersion.V1));
  }

  @Test
  void aVoucherWithEveryOptionalPartIsReadInFull() throws VoucherDecodingException {
    Golden.assertVector(voucherType(), GoVectors.PAYMENT_V1_FULL, Samples.fullPayment());
  }

  @Test
  void badAddressesAndSignaturesAreRejectedWithGosTexts() {
    String emptyChannel =
        GoVectors.PAYMENT_V1.replaceFirst("55024716b023b7fe84b6e7dcda303c3d754b1a8ff2fc", "40");
    String unknownProtocol = GoVectors.PAYMENT_V1.replaceFirst("55024716b0", "55094716b0");
    String blsSignatureType3 = GoVectors.PAYMENT_V1_FULL.replace("584201abab", "584203abab");

    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(emptyChannel)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining(
            "field PaymentChannel: cbor input should not contain empty addresses");
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(unknownProtocol)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining("field PaymentChannel: unknown address protocol");
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes(blsSignatureType3)))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining(
            "field PaymentVoucher.Signature: invalid signature type in cbor input: 3");
  }
}
