package io.dt4j.vouchers.filecoin.storage;

import java.util.Objects;

/**
 * Whether a storage deal's push is accepted, and if not, why.
 *
 * @param accepted whether the push is accepted
 * @param reason why not; empty when accepted
 */
public record DealVerdict(boolean accepted, String reason) {
  private static final DealVerdict ACCEPTED = new DealVerdict(true, "");

  /** Checks that the reason is present. */
  public DealVerdict {
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns the verdict that accepts. */
  public static DealVerdict accept() {
    return ACCEPTED;
  }

  /**
   * Returns a verdict that refuses.
   *
   * @param reason why
   * @return the verdict
   */
  public static DealVerdict refuse(String reason) {
    return new DealVerdict(false, reason);
  }
}
