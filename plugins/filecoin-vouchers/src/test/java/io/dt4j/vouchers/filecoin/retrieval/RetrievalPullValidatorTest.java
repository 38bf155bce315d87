package io.dt4j.vouchers.filecoin.retrieval;

import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.CLIENT;
import static io.dt4j.vouchers.filecoin.retrieval.RetrievalFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.Samples;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalPullValidatorTest {
  private final RetrievalProvider provider = RetrievalFixtures.provider();
  private final RetrievalPullValidator validator = new RetrievalPullValidator(provider);

  private ValidationResult pull(RetrievalDealProposal proposal) {
    return validator.validatePull(CLIENT, proposal, Samples.ROOT, Selectors.EXPLORE_ALL);
  }

  @Test
  void aProposalOnTheAskedTermsIsAcceptedWithAnAcceptedResponse() {
    assertThat(pull(proposal(7)))
        .isEqualTo(
            ValidationResult.accept(
                RetrievalDealResponse.of(RetrievalVersion.V1, DealStatus.ACCEPTED, 7)));
    assertThat(provider.deals.isOpen(CLIENT, 7)).isTrue();
  }

  @Test
  void proposalsBelowTheTermsAreRejectedWithGosMessagesInARejectedResponse() {
    assertRejected(proposal(1, 0, 1000, 500, 0), "Price per byte too low");
    assertRejected(proposal(1, 1, 1001, 500, 0), "Payment interval too large");
    assertRejected(proposal(1, 1, 1000, 501, 0), "Payment interval increase too large");
    assertRejected(proposal(1, 5, 0, 0, 0), "Payment interval must be above zero");
    assertThat(provider.deals.size()).isZero();
  }

  private void assertRejected(RetrievalDealProposal proposal, String message) {
    assertThat(pull(proposal))
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class,
            r -> {
              assertThat(r.reason()).startsWith(message);
              assertThat(r.voucherResult())
                  .contains(
                      new RetrievalDealResponse(
                          RetrievalVersion.V1,
                          DealStatus.REJECTED,
                          proposal.dealId(),
                          TokenAmount.ZERO,
                          r.reason()));
            });
  }

  @Test
  void anUnsealPriceKeepsTheChannelPausedUntilItIsPaid() {
    RetrievalPullValidator strict =
        new RetrievalPullValidator(
            new RetrievalProvider(
                new RetrievalTerms(TokenAmount.of(1), TokenAmount.of(50), 1000, 500),
                java.time.Clock.systemUTC()));

    assertThat(
            strict.validatePull(
                CLIENT, proposal(3, 1, 1000, 500, 49), Samples.ROOT, Selectors.EXPLORE_ALL))
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class,
            r -> assertThat(r.reason()).isEqualTo("Unseal price too small"));
    assertThat(
            strict.validatePull(
                CLIENT, proposal(3, 1, 1000, 500, 50), Samples.ROOT, Selectors.EXPLORE_ALL))
        .isEqualTo(
            ValidationResult.acceptPaused(
                new RetrievalDealResponse(
                    RetrievalVersion.V1,
                    DealStatus.FUNDS_NEEDED_UNSEAL,
                    3,
                    TokenAmount.of(50),
                    "")));
  }

  @Test
  void theRootAndTheSelectorMustBeTheProposals() {
    assertThat(
            validator.validatePull(
                CLIENT, proposal(1), Samples.GO_CID_VALUE, Selectors.EXPLORE_ALL))
        .isEqualTo(ValidationResult.reject("incorrect CID for this proposal"));
    assertThat(validator.validatePull(CLIENT, proposal(1), Samples.ROOT, Selectors.MATCH_SELF))
        .isEqualTo(ValidationResult.reject("incorrect selector for this proposal"));
  }

  @Test
  void aProposalWithoutSelectorMeansTheWholeDag() {
    RetrievalDealProposal legacy =
        new RetrievalDealProposal(
            RetrievalVersion.V0,
            Samples.ROOT,
            9,
            new RetrievalParams(
                Optional.empty(),
                Optional.empty(),
                TokenAmount.of(1),
                1000,
                500,
                TokenAmount.ZERO));

    assertThat(pull(legacy))
        .isEqualTo(
            ValidationResult.accept(
                RetrievalDealResponse.of(RetrievalVersion.V0, DealStatus.ACCEPTED, 9)));
  }

  @Test
  void aRestartedRequestOfAnOpenDealIsAcceptedAsItIs() {
    pull(proposal(7));

    assertThat(pull(proposal(7))).isEqualTo(ValidationResult.accept());
    assertThat(provider.deals.size()).isEqualTo(1);
  }

  @Test
  void pushesAndOtherVouchersAreRejected() {
    assertThat(validator.validatePush(CLIENT, proposal(1), Samples.ROOT, Selectors.EXPLORE_ALL))
        .isEqualTo(ValidationResult.reject("No pushes accepted"));
    assertThat(
            validator.validatePull(
                CLIENT, () -> TypeIdentifier.of("Other"), Samples.ROOT, Selectors.EXPLORE_ALL))
        .isEqualTo(ValidationResult.reject("wrong voucher type: Other"));
  }

  @Test
  void aFailureInsideTheValidatorIsAClearRejection() {
    Node unencodable = Node.map().put("f", new Node.Float(Double.NaN)).build();

    assertThat(validator.validatePull(CLIENT, proposal(1), Samples.ROOT, unencodable))
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class,
            r ->
                assertThat(r.reason())
                    .startsWith("retrieval deal validation failed: ")
                    .contains("NaN"));
  }
}
