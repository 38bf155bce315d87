package io.dt4j.vouchers.filecoin.retrieval;

import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.CLIENT;
import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.OTHER_CLIENT;
import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.channel;
import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.payment;
import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.Samples;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentRevalidatorTest {
  private final RetrievalProvider provider = RetrievalFixtures.provider();
  private final RetrievalPullValidator validator = new RetrievalPullValidator(provider);
  private final PaymentRevalidator revalidator = new PaymentRevalidator(provider);
  private final ChannelId pull = channel(CLIENT, 1);

  private void accept(RetrievalDealProposal proposal) {
    validator.validatePull(CLIENT, proposal, Samples.ROOT, Selectors.EXPLORE_ALL);
  }

  private static RevalidationResult pause(DealStatus status, long dealId, long owed) {
    return RevalidationResult.pause(
        new RetrievalDealResponse(RetrievalVersion.V1, status, dealId, TokenAmount.of(owed), ""));
  }

  private static RevalidationResult.Reject errored(long dealId, String message) {
    return new RevalidationResult.Reject(
        message,
        Optional.of(
            new RetrievalDealResponse(
                RetrievalVersion.V1, DealStatus.ERRORED, dealId, TokenAmount.ZERO, message)));
  }

  @Test
  void aPaidPullPausesAtEachPaymentPointAndFinalizesUntilTheLastPayment() {
    accept(proposal(7));

    assertThat(revalidator.onPullDataSent(pull, 600)).isEqualTo(RevalidationResult.proceed());
    assertThat(revalidator.onPullDataSent(pull, 600))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED, 7, 1200));
    assertThat(revalidator.revalidate(pull, payment(7, 1, 1200)))
        .isEqualTo(RevalidationResult.resume());
    // the next interval is 1000 + 500 bytes long: the next payment point is at 2500 bytes
    assertThat(revalidator.onPullDataSent(pull, 1200)).isEqualTo(RevalidationResult.proceed());
    assertThat(revalidator.onPullDataSent(pull, 100))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED, 7, 1300));
    assertThat(revalidator.revalidate(pull, payment(7, 2, 2500)))
        .isEqualTo(RevalidationResult.resume());
    assertThat(revalidator.onPullDataSent(pull, 40)).isEqualTo(RevalidationResult.proceed());

    assertThat(revalidator.onComplete(pull))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED_LAST_PAYMENT, 7, 40));
    assertThat(revalidator.revalidate(pull, payment(7, 3, 2540)))
        .isEqualTo(
            new RevalidationResult.Resume(
                Optional.of(
                    RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.COMPLETED, 7))));
    // the deal is over: the channel is not this revalidator's any more
    assertThat(revalidator.onPullDataSent(pull, 1)).isEqualTo(RevalidationResult.notHandled());
    assertThat(provider.deals.size()).isZero();
  }

  @Test
  void aPartialPaymentKeepsTheChannelPausedAskingForTheRest() {
    accept(proposal(7));
    revalidator.onPullDataSent(pull, 1000);

    assertThat(revalidator.revalidate(pull, payment(7, 1, 400)))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED, 7, 600));
    assertThat(revalidator.revalidate(pull, payment(7, 2, 1000)))
        .isEqualTo(RevalidationResult.resume());
  }

  @Test
  void bytesSentWhileWaitingForPaymentAreBilledLater() {
    accept(proposal(7));
    revalidator.onPullDataSent(pull, 1000);

    assertThat(revalidator.onPullDataSent(pull, 300)).isEqualTo(RevalidationResult.proceed());
    assertThat(revalidator.revalidate(pull, payment(7, 1, 1000)))
        .isEqualTo(RevalidationResult.resume());
    assertThat(revalidator.onComplete(pull))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED_LAST_PAYMENT, 7, 300));
  }

  @Test
  void aPullPaidInFullCompletesWithoutFinalizing() {
    accept(proposal(7));
    revalidator.onPullDataSent(pull, 1000);
    revalidator.revalidate(pull, payment(7, 1, 1000));

    assertThat(revalidator.onComplete(pull))
        .isEqualTo(
            new RevalidationResult.Continue(
                Optional.of(
                    RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.COMPLETED, 7))));
  }

  @Test
  void aFreeRetrievalNeverAsksForMoney() {
    RetrievalProvider free =
        new RetrievalProvider(
            new RetrievalTerms(TokenAmount.ZERO, TokenAmount.ZERO, 1000, 0),
            java.time.Clock.systemUTC());
    new RetrievalPullValidator(free)
        .validatePull(CLIENT, proposal(5, 0, 1000, 0, 0), Samples.ROOT, Selectors.EXPLORE_ALL);
    PaymentRevalidator revalidator = new PaymentRevalidator(free);

    assertThat(revalidator.onPullDataSent(pull, 1 << 30)).isEqualTo(RevalidationResult.proceed());
    assertThat(revalidator.onComplete(pull).voucherResult())
        .contains(RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.COMPLETED, 5));
  }

  @Test
  void theUnsealPriceIsPaidBeforeAnyDataAndResumesTheChannel() {
    accept(proposal(3, 1, 1000, 500, 50));

    assertThat(revalidator.revalidate(pull, payment(3, 1, 20)))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED_UNSEAL, 3, 30));
    assertThat(revalidator.revalidate(pull, payment(3, 2, 50)))
        .isEqualTo(RevalidationResult.resume());
    assertThat(revalidator.onPullDataSent(pull, 1000))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED, 3, 1000));
  }

  @Test
  void badPaymentsEndTheChannelWithAnErroredResponse() {
    accept(proposal(7));
    revalidator.onPullDataSent(pull, 1000);
    revalidator.revalidate(pull, payment(7, 5, 500));

    assertThat(revalidator.revalidate(pull, payment(8, 6, 1000)))
        .isEqualTo(errored(7, "payment is for deal 8, this channel carries deal 7"));
    assertThat(revalidator.revalidate(pull, payment(7, 5, 1000)))
        .isEqualTo(errored(7, "voucher nonce 5 on lane 0 is not above the lane's last nonce 5"));
    assertThat(revalidator.revalidate(pull, payment(7, 6, 499)))
        .isEqualTo(
            errored(7, "voucher amount 499 on lane 0 is below the lane's previous amount 500"));
    RetrievalDealPayment unsigned =
        new RetrievalDealPayment(
            RetrievalVersion.V1,
            7,
            Samples.SECP_CHANNEL,
            Optional.of(
                io.dt4j.vouchers.filecoin.paych.SignedVoucher.simple(
                    Samples.SECP_CHANNEL, 0, 9, TokenAmount.of(1000))));
    assertThat(revalidator.revalidate(pull, unsigned))
        .isEqualTo(errored(7, "payment voucher is not signed"));
    RetrievalDealPayment empty =
        new RetrievalDealPayment(RetrievalVersion.V1, 7, Samples.SECP_CHANNEL, Optional.empty());
    assertThat(revalidator.revalidate(pull, empty))
        .isEqualTo(errored(7, "payment carries no voucher"));
    assertThat(revalidator.revalidate(pull, () -> TypeIdentifier.of("Other")))
        .isEqualTo(RevalidationResult.reject("wrong voucher type: Other"));
  }

  @Test
  void channelsOfOtherDealsAndPushesAreNotHandled() {
    accept(proposal(7));

    assertThat(revalidator.onPullDataSent(channel(OTHER_CLIENT, 1), 5000))
        .isEqualTo(RevalidationResult.notHandled());
    assertThat(revalidator.onComplete(channel(OTHER_CLIENT, 1)))
        .isEqualTo(RevalidationResult.notHandled());
    assertThat(revalidator.revalidate(channel(OTHER_CLIENT, 1), payment(7, 1, 1)))
        .isEqualTo(RevalidationResult.notHandled());
    assertThat(revalidator.onPushDataReceived(pull, 5000))
        .isEqualTo(RevalidationResult.notHandled());
  }

  @Test
  void aPaymentBindsTheChannelOfTheDealItNames() {
    accept(proposal(7));
    accept(proposal(8));
    ChannelId second = channel(CLIENT, 2);

    // the first payment on the second channel names deal 8: that channel carries deal 8
    assertThat(revalidator.revalidate(second, payment(8, 1, 10)))
        .isEqualTo(RevalidationResult.proceed());
    assertThat(revalidator.onPullDataSent(pull, 1000))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED, 7, 1000));
    assertThat(revalidator.onPullDataSent(second, 1000))
        .isEqualTo(pause(DealStatus.FUNDS_NEEDED, 8, 990));
  }

  @Test
  void legacyDealsAreAnsweredInTheLegacyEncoding() {
    RetrievalDealProposal legacy =
        new RetrievalDealProposal(RetrievalVersion.V0, Samples.ROOT, 4, proposal(4).params());
    accept(legacy);

    assertThat(revalidator.onPullDataSent(pull, 1000).voucherResult())
        .contains(
            new RetrievalDealResponse(
                RetrievalVersion.V0, DealStatus.FUNDS_NEEDED, 4, TokenAmount.of(1000), ""));
  }
}
