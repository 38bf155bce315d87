package io.dt4j.example.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.PeerId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.ValidationResult;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import org.junit.jupiter.api.Test;

class ExampleValidatorTest {
  private static final PeerId PEER = PeerId.fromBytes(Multihash.sha256(new byte[] {1}).toBytes());
  private static final Cid ROOT = Block.of(Multicodec.RAW, new byte[] {1, 2, 3}).cid();
  private final ExampleValidator validator = new ExampleValidator();

  @Test
  void acceptsADealVoucherThatPaysForSomething() {
    ValidationResult push =
        validator.validatePush(
            PEER, new ExampleVoucher("deal-7", 100), ROOT, Selectors.EXPLORE_ALL);
    ValidationResult pull =
        validator.validatePull(
            PEER, new ExampleVoucher("deal-7", 100), ROOT, Selectors.EXPLORE_ALL);

    assertThat(push).isInstanceOf(ValidationResult.Accept.class);
    assertThat(pull.voucherResult()).contains(new ExampleVoucherResult("accepted", 0));
  }

  @Test
  void rejectsUnknownDealsAndVouchersPayingNothingWithTheReason() {
    ValidationResult unknown =
        validator.validatePull(PEER, new ExampleVoucher("x-7", 100), ROOT, Selectors.EXPLORE_ALL);
    ValidationResult unpaid =
        validator.validatePull(PEER, new ExampleVoucher("deal-7", 0), ROOT, Selectors.EXPLORE_ALL);

    assertThat(unknown)
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class, r -> assertThat(r.reason()).contains("x-7"));
    assertThat(unpaid)
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class, r -> assertThat(r.reason()).contains("no bytes"));
  }

  @Test
  void rejectsVouchersOfAnotherType() {
    Voucher other = () -> TypeIdentifier.of("other");

    assertThat(validator.validatePush(PEER, other, ROOT, Selectors.EXPLORE_ALL))
        .isInstanceOf(ValidationResult.Reject.class);
  }
}
