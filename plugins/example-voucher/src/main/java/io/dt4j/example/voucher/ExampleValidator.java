package io.dt4j.example.voucher;

import io.dt4j.api.PeerId;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Accepts pushes and pulls whose {@link ExampleVoucher} names a deal ({@code deal-...}) with a
 * quota of at least one byte, and hands the quota to {@link ExampleRevalidator}, which holds the
 * channel to it; rejects the others with the reason.
 */
@Extension
public final class ExampleValidator implements RequestValidator {
  static final String DEAL_PREFIX = "deal-";

  private final QuotaBook book;

  /** Creates the validator of the plugin's shared quota book. */
  public ExampleValidator() {
    this(QuotaBook.shared());
  }

  ExampleValidator(QuotaBook book) {
    this.book = book;
  }

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(ExampleVoucher.TYPE);
  }

  @Override
  public ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector) {
    return validate(sender, voucher);
  }

  @Override
  public ValidationResult validatePull(
      PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    return validate(receiver, voucher);
  }

  private ValidationResult validate(PeerId initiator, Voucher voucher) {
    if (!(voucher instanceof ExampleVoucher example)) {
      return ValidationResult.reject(
          "not an " + ExampleVoucher.TYPE + " voucher: " + voucher.type());
    }
    if (!example.dealRef().startsWith(DEAL_PREFIX)) {
      return ValidationResult.reject(
          "unknown deal '" + example.dealRef() + "': deal references start with " + DEAL_PREFIX);
    }
    if (example.quotaBytes() == 0) {
      return ValidationResult.reject("deal " + example.dealRef() + " has a quota of no bytes");
    }
    book.expect(initiator, example);
    return ValidationResult.accept(
        new ExampleVoucherResult("accepted up to " + example.quotaBytes() + " bytes", 0));
  }
}
