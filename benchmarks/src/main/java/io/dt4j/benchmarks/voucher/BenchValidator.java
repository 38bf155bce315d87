package io.dt4j.benchmarks.voucher;

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
 * Accepts every pull and push with a {@link BenchVoucher}: the benchmark daemons trust each other.
 */
@Extension
public final class BenchValidator implements RequestValidator {
  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(BenchVoucher.TYPE);
  }

  @Override
  public ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector) {
    return ValidationResult.accept();
  }

  @Override
  public ValidationResult validatePull(
      PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    return ValidationResult.accept();
  }
}
