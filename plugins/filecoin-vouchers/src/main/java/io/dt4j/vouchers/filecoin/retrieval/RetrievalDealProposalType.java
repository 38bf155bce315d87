package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The {@code RetrievalDealProposal/1} voucher type: the cbor-gen map form. */
@Extension
public final class RetrievalDealProposalType extends CodecVoucherType<RetrievalDealProposal> {

  /** Creates the type. */
  public RetrievalDealProposalType() {
    super(
        RetrievalDealProposal.type(RetrievalVersion.V1),
        RetrievalDealProposal.class,
        RetrievalDealProposal.codec(RetrievalVersion.V1));
  }
}
