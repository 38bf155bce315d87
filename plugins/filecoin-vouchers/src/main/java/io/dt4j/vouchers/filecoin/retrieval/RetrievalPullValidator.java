package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.api.PeerId;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.ByteString;
import io.dt4j.vouchers.filecoin.TokenAmount;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Accepts retrieval pulls whose {@link RetrievalDealProposal} asks for the pull's root and selector
 * and pays at least the configured {@link RetrievalTerms}; rejects the others with a {@link
 * RetrievalDealResponse} saying why (go-fil-markets' texts). An accepted deal is handed to the
 * {@link PaymentRevalidator}, which bills it. With an unseal price the channel starts paused until
 * the unseal price is paid. Pushes are rejected.
 *
 * <p>Settings ({@link io.dt4j.vouchers.filecoin.FilecoinVoucherSettings}): {@code
 * retrieval.price-per-byte}, {@code retrieval.unseal-price}, {@code retrieval.payment-interval},
 * {@code retrieval.payment-interval-increase}.
 */
@Extension
public final class RetrievalPullValidator implements RequestValidator {
  /** Go's answer to a push with a retrieval voucher. */
  static final String NO_PUSHES = "No pushes accepted";

  private final RetrievalProvider provider;

  /** Creates the validator of this plugin's shared retrieval provider. */
  public RetrievalPullValidator() {
    this(RetrievalProvider.shared());
  }

  RetrievalPullValidator(RetrievalProvider provider) {
    this.provider = provider;
  }

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(
        RetrievalDealProposal.type(RetrievalVersion.V1),
        RetrievalDealProposal.type(RetrievalVersion.V0));
  }

  @Override
  public ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector) {
    return ValidationResult.reject(NO_PUSHES);
  }

  @Override
  public ValidationResult validatePull(
      PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    try {
      return validate(receiver, voucher, baseCid, selector);
    } catch (RuntimeException e) {
      return ValidationResult.reject("retrieval deal validation failed: " + e);
    }
  }

  private ValidationResult validate(PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    if (!(voucher instanceof RetrievalDealProposal proposal)) {
      return ValidationResult.reject("wrong voucher type: " + voucher.type());
    }
    if (!proposal.payloadCid().equals(baseCid)) {
      return ValidationResult.reject("incorrect CID for this proposal");
    }
    if (!selectorMatches(proposal.params().selector(), selector)) {
      return ValidationResult.reject("incorrect selector for this proposal");
    }
    if (provider.deals.isOpen(receiver, proposal.dealId())) {
      return ValidationResult.accept(); // a restarted request: the deal goes on as it was
    }
    Optional<String> problem = provider.terms.problemWith(proposal.params());
    if (problem.isPresent()) {
      return new ValidationResult.Reject(
          problem.get(),
          Optional.of(
              new RetrievalDealResponse(
                  proposal.version(),
                  DealStatus.REJECTED,
                  proposal.dealId(),
                  TokenAmount.ZERO,
                  problem.get())));
    }
    return provider.deals.open(receiver, proposal);
  }

  /**
   * Compares the request's selector with the proposal's as go-fil-markets does: byte for byte, the
   * request's re-encoded in its own map order, against the proposal's bytes or explore-all.
   */
  private static boolean selectorMatches(Optional<ByteString> proposed, Node requested) {
    byte[] expected =
        proposed
            .map(ByteString::toByteArray)
            .orElseGet(() -> DagCbor.encode(Selectors.EXPLORE_ALL));
    return Arrays.equals(DagCbor.encode(requested), expected);
  }
}
