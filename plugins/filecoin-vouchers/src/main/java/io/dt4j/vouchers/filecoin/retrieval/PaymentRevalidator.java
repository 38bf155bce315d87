package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.api.ChannelId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Bills the retrieval deals the {@link RetrievalPullValidator} accepted: counts the bytes each pull
 * sends, pauses it with a {@link DealStatus#FUNDS_NEEDED} response at each payment point, resumes
 * it when a {@link RetrievalDealPayment} covers what is owed, and at the end asks for the last
 * payment ({@link DealStatus#FUNDS_NEEDED_LAST_PAYMENT}; the channel finalizes) and completes once
 * it arrives (data-transfer.md §5.5–5.6). Channels of other deals are not handled.
 */
@Extension
public final class PaymentRevalidator implements Revalidator {
  private final RetrievalProvider provider;

  /** Creates the revalidator of this plugin's shared retrieval provider. */
  public PaymentRevalidator() {
    this(RetrievalProvider.shared());
  }

  PaymentRevalidator(RetrievalProvider provider) {
    this.provider = provider;
  }

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(
        RetrievalDealPayment.type(RetrievalVersion.V1),
        RetrievalDealPayment.type(RetrievalVersion.V0));
  }

  @Override
  public RevalidationResult revalidate(ChannelId channelId, Voucher voucher) {
    if (!(voucher instanceof RetrievalDealPayment payment)) {
      return provider
          .deals
          .withBoundDeal(
              channelId,
              account -> RevalidationResult.reject("wrong voucher type: " + voucher.type()))
          .orElse(RevalidationResult.notHandled());
    }
    return provider
        .deals
        .withDeal(channelId, payment.dealId(), account -> account.paid(payment))
        .orElse(RevalidationResult.notHandled());
  }

  @Override
  public RevalidationResult onPullDataSent(ChannelId channelId, long additionalBytesSent) {
    return provider
        .deals
        .withOldestDeal(channelId, account -> account.dataSent(additionalBytesSent))
        .orElse(RevalidationResult.notHandled());
  }

  @Override
  public RevalidationResult onPushDataReceived(ChannelId channelId, long additionalBytesReceived) {
    return RevalidationResult.notHandled();
  }

  @Override
  public RevalidationResult onComplete(ChannelId channelId) {
    return provider
        .deals
        .withBoundDeal(channelId, DealAccount::completed)
        .orElse(RevalidationResult.notHandled());
  }
}
