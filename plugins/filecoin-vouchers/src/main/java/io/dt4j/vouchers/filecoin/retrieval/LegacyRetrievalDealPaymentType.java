package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The legacy {@code RetrievalDealPayment} voucher type: the cbor-gen tuple form. */
@Extension
public final class LegacyRetrievalDealPaymentType extends CodecVoucherType<RetrievalDealPayment> {

  /** Creates the type. */
  public LegacyRetrievalDealPaymentType() {
    super(
        RetrievalDealPayment.type(RetrievalVersion.V0),
        RetrievalDealPayment.class,
        RetrievalDealPayment.codec(RetrievalVersion.V0));
  }
}
