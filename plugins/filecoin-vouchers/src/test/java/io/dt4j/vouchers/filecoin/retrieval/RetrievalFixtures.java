package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.Samples;
import io.dt4j.vouchers.filecoin.TokenAmount;
import io.dt4j.vouchers.filecoin.paych.SignedVoucher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A provider with simple terms, clients, their proposals and payments. */
final class RetrievalFixtures {
  /** 1 attoFIL per byte, payment every 1000 bytes, intervals growing by 500. */
  static final RetrievalTerms TERMS =
      new RetrievalTerms(TokenAmount.of(1), TokenAmount.ZERO, 1000, 500);

  static final PeerId PROVIDER = Samples.peer(100);
  static final PeerId CLIENT = Samples.peer(1);
  static final PeerId OTHER_CLIENT = Samples.peer(2);

  private RetrievalFixtures() {}

  static RetrievalProvider provider() {
    return new RetrievalProvider(TERMS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  static RetrievalProvider provider(Clock clock) {
    return new RetrievalProvider(TERMS, clock);
  }

  static ChannelId channel(PeerId client, long transferId) {
    return new ChannelId(client, PROVIDER, new TransferId(transferId));
  }

  /** A proposal for the whole DAG at {@link Samples#ROOT} on the given terms. */
  static RetrievalDealProposal proposal(
      long dealId, long pricePerByte, long interval, long increase, long unsealPrice) {
    return new RetrievalDealProposal(
        RetrievalVersion.V1,
        Samples.ROOT,
        dealId,
        RetrievalParams.of(
            Selectors.EXPLORE_ALL,
            Optional.empty(),
            TokenAmount.of(pricePerByte),
            interval,
            increase,
            TokenAmount.of(unsealPrice)));
  }

  /** A proposal on exactly {@link #TERMS}. */
  static RetrievalDealProposal proposal(long dealId) {
    return proposal(dealId, 1, 1000, 500, 0);
  }

  /** A signed payment of a cumulative amount on lane 0. */
  static RetrievalDealPayment payment(long dealId, long nonce, long cumulativeAmount) {
    return new RetrievalDealPayment(
        RetrievalVersion.V1,
        dealId,
        Samples.SECP_CHANNEL,
        Optional.of(
            SignedVoucher.simple(Samples.SECP_CHANNEL, 0, nonce, TokenAmount.of(cumulativeAmount))
                .signedWith(Samples.anySignature())));
  }
}
