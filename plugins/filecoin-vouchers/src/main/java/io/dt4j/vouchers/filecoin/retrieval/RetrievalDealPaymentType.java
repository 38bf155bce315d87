package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The {@code RetrievalDealPayment/1} voucher type: the cbor-gen map form. */
@Extension
public final class RetrievalDealPaymentType extends CodecVoucherType<RetrievalDealPayment> {

  /** Creates the type. */
  public RetrievalDealPaymentType() {
    super(
        RetrievalDealPayment.type(RetrievalVersion.V1),
        RetrievalDealPayment.class,
        RetrievalDealPayment.codec(RetrievalVersion.V1));
  }
}
