package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The legacy {@code RetrievalDealResponse} voucher-result type: the cbor-gen tuple form. */
@Extension
public final class LegacyRetrievalDealResponseType extends CodecVoucherType<RetrievalDealResponse> {

  /** Creates the type. */
  public LegacyRetrievalDealResponseType() {
    super(
        RetrievalDealResponse.type(RetrievalVersion.V0),
        RetrievalDealResponse.class,
        RetrievalDealResponse.codec(RetrievalVersion.V0));
  }
}
