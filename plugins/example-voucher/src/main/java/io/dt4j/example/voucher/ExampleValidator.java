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
 * Accepts requests whose {@link ExampleVoucher} names a deal ({@code deal-...}) and pays for at
 * least one byte; rejects the others with the reason.
 */
@Extension
public final class ExampleValidator implements RequestValidator {
  static final String DEAL_PREFIX = "deal-";

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(ExampleVoucher.TYPE);
  }

  @Override
  public ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector) {
    return validate(voucher);
  }

  @Override
  public ValidationResult validatePull(
      PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    return validate(voucher);
  }

  private static ValidationResult validate(Voucher voucher) {
    if (!(voucher instanceof ExampleVoucher example)) {
      return ValidationResult.reject(
          "not an " + ExampleVoucher.TYPE + " voucher: " + voucher.type());
    }
    if (!example.dealRef().startsWith(DEAL_PREFIX)) {
      return ValidationResult.reject(
          "unknown deal '" + example.dealRef() + "': deal references start with " + DEAL_PREFIX);
    }
    if (example.paidBytes() == 0) {
      return ValidationResult.reject("deal " + example.dealRef() + " pays for no bytes");
    }
    return ValidationResult.accept(new ExampleVoucherResult("accepted", 0));
  }
}
