package io.dt4j.example.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
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
  private static final PeerId SELF = PeerId.fromBytes(Multihash.sha256(new byte[] {2}).toBytes());
  private static final Cid ROOT = Block.of(Multicodec.RAW, new byte[] {1, 2, 3}).cid();
  private final QuotaBook book = new QuotaBook();
  private final ExampleValidator validator = new ExampleValidator(book);

  @Test
  void acceptsADealVoucherWithAQuotaAndSaysTheQuota() {
    ValidationResult push =
        validator.validatePush(
            PEER, new ExampleVoucher("deal-7", 100), ROOT, Selectors.EXPLORE_ALL);
    ValidationResult pull =
        validator.validatePull(
            PEER, new ExampleVoucher("deal-7", 100), ROOT, Selectors.EXPLORE_ALL);

    assertThat(push).isInstanceOf(ValidationResult.Accept.class);
    assertThat(pull.voucherResult())
        .contains(new ExampleVoucherResult("accepted up to 100 bytes", 0));
  }

  @Test
  void acceptedQuotaWaitsForTheFirstChannelOfItsPeerToMoveData() {
    validator.validatePull(PEER, new ExampleVoucher("deal-7", 100), ROOT, Selectors.EXPLORE_ALL);
    ChannelId other = new ChannelId(SELF, PEER, new TransferId(1));
    ChannelId channel = new ChannelId(PEER, SELF, new TransferId(1));

    assertThat(book.moved(other, 10)).isEmpty();
    assertThat(book.moved(channel, 10)).contains(new QuotaBook.Account("deal-7", 100, 10, false));
  }

  @Test
  void rejectsUnknownDealsAndEmptyQuotasWithTheReason() {
    ValidationResult unknown =
        validator.validatePull(PEER, new ExampleVoucher("x-7", 100), ROOT, Selectors.EXPLORE_ALL);
    ValidationResult empty =
        validator.validatePull(PEER, new ExampleVoucher("deal-7", 0), ROOT, Selectors.EXPLORE_ALL);

    assertThat(unknown)
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class, r -> assertThat(r.reason()).contains("x-7"));
    assertThat(empty)
        .isInstanceOfSatisfying(
            ValidationResult.Reject.class,
            r -> assertThat(r.reason()).isEqualTo("deal deal-7 has a quota of no bytes"));
    assertThat(book.moved(new ChannelId(PEER, SELF, new TransferId(1)), 1)).isEmpty();
  }

  @Test
  void rejectsVouchersOfAnotherType() {
    Voucher other = () -> TypeIdentifier.of("other");

    assertThat(validator.validatePush(PEER, other, ROOT, Selectors.EXPLORE_ALL))
        .isInstanceOf(ValidationResult.Reject.class);
  }
}
