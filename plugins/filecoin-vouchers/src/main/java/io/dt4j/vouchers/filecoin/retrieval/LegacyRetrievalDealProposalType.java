package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The legacy {@code RetrievalDealProposal} voucher type: the cbor-gen tuple form. */
@Extension
public final class LegacyRetrievalDealProposalType extends CodecVoucherType<RetrievalDealProposal> {

  /** Creates the type. */
  public LegacyRetrievalDealProposalType() {
    super(
        RetrievalDealProposal.type(RetrievalVersion.V0),
        RetrievalDealProposal.class,
        RetrievalDealProposal.codec(RetrievalVersion.V0));
  }
}
