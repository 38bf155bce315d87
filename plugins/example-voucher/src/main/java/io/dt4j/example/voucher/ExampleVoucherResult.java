package io.dt4j.example.voucher;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherResult;
import java.util.Objects;

/**
 * The responder's answer about an {@link ExampleVoucher}: a short message and how many bytes have
 * been sent so far, so that the initiator knows what to pay for next.
 *
 * @param message what the responder decided
 * @param bytesSoFar bytes moved on the channel so far
 */
public record ExampleVoucherResult(String message, long bytesSoFar) implements VoucherResult {
  /** The registry name of this voucher-result type. */
  public static final TypeIdentifier TYPE = TypeIdentifier.of("dt4j/ExampleVoucherResult");

  /** Checks the fields. */
  public ExampleVoucherResult {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public TypeIdentifier type() {
    return TYPE;
  }
}
