package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The {@code RetrievalDealResponse/1} voucher-result type: the cbor-gen map form. */
@Extension
public final class RetrievalDealResponseType extends CodecVoucherType<RetrievalDealResponse> {

  /** Creates the type. */
  public RetrievalDealResponseType() {
    super(
        RetrievalDealResponse.type(RetrievalVersion.V1),
        RetrievalDealResponse.class,
        RetrievalDealResponse.codec(RetrievalVersion.V1));
  }
}
