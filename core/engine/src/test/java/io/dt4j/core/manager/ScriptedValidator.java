package io.dt4j.core.manager;

import io.dt4j.api.PeerId;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.api.Voucher;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A validator that does what the voucher's deal says: {@code reject...} rejects with a result,
 * {@code paused...} accepts paused, {@code throw...} throws, {@code hang...} never answers (until
 * interrupted, or a minute), anything else accepts with a result. It records each call as {@code
 * push:<deal>} or {@code pull:<deal>}.
 */
public final class ScriptedValidator implements RequestValidator {
  /** The calls, in order. */
  public final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(TestVouchers.VOUCHER);
  }

  @Override
  public ValidationResult validatePush(PeerId sender, Voucher voucher, Cid baseCid, Node selector) {
    calls.add("push:" + ((TestVoucher) voucher).deal());
    return decide((TestVoucher) voucher);
  }

  @Override
  public ValidationResult validatePull(
      PeerId receiver, Voucher voucher, Cid baseCid, Node selector) {
    calls.add("pull:" + ((TestVoucher) voucher).deal());
    return decide((TestVoucher) voucher);
  }

  private static ValidationResult decide(TestVoucher voucher) {
    String deal = voucher.deal();
    if (deal.startsWith("reject")) {
      return new ValidationResult.Reject(
          "deal " + deal + " is not known", Optional.of(new TestResult("refused", 0)));
    }
    if (deal.startsWith("paused")) {
      return ValidationResult.acceptPaused(new TestResult("wait", 0));
    }
    if (deal.startsWith("hang")) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ValidationResult.reject("too late");
    }
    if (deal.startsWith("throw")) {
      throw new IllegalStateException("validator bug for " + deal);
    }
    return ValidationResult.accept(new TestResult("accepted", voucher.paid()));
  }
}
