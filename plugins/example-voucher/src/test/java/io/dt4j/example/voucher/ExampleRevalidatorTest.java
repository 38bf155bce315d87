package io.dt4j.example.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.TransferId;
import io.dt4j.ipld.Multihash;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExampleRevalidatorTest {
  private static final PeerId CLIENT = peer(1);
  private static final ChannelId CHANNEL = new ChannelId(CLIENT, peer(2), new TransferId(99));
  private final QuotaBook book = new QuotaBook();
  private final ExampleRevalidator revalidator = new ExampleRevalidator(book);

  private static PeerId peer(int seed) {
    return PeerId.fromBytes(Multihash.sha256(new byte[] {(byte) seed}).toBytes());
  }

  private void accepted(long quota) {
    book.expect(CLIENT, new ExampleVoucher("deal-1", quota));
  }

  @Test
  void pullPausesOncePastItsQuotaAndResumesWhenANewVoucherRaisesIt() {
    accepted(100);
    assertThat(revalidator.onPullDataSent(CHANNEL, 100))
        .isInstanceOf(RevalidationResult.Continue.class);

    RevalidationResult over = revalidator.onPullDataSent(CHANNEL, 10);
    RevalidationResult stillOver =
        revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 105));
    RevalidationResult raised = revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 500));

    assertThat(over)
        .isInstanceOf(RevalidationResult.Pause.class)
        .extracting(RevalidationResult::voucherResult)
        .isEqualTo(
            Optional.of(
                new ExampleVoucherResult(
                    "quota of 100 bytes exhausted: send a voucher with a higher quota", 110)));
    assertThat(stillOver).isInstanceOf(RevalidationResult.Pause.class);
    assertThat(raised)
        .isInstanceOf(RevalidationResult.Resume.class)
        .extracting(RevalidationResult::voucherResult)
        .isEqualTo(Optional.of(new ExampleVoucherResult("quota raised to 500", 110)));
    assertThat(revalidator.onPullDataSent(CHANNEL, 390))
        .isInstanceOf(RevalidationResult.Continue.class);
  }

  @Test
  void pushIsHeldToTheQuotaAsAPullIs() {
    accepted(10);

    assertThat(revalidator.onPushDataReceived(CHANNEL, 11))
        .isInstanceOf(RevalidationResult.Pause.class);
  }

  @Test
  void voucherLoweringTheQuotaOrNamingAnotherDealEndsTheChannel() {
    accepted(100);
    revalidator.onPullDataSent(CHANNEL, 150);

    assertThat(revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 50)))
        .isInstanceOfSatisfying(
            RevalidationResult.Reject.class,
            r ->
                assertThat(r.reason())
                    .isEqualTo("a new voucher must raise the quota: 50 is below 100"));
    assertThat(revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-2", 500)))
        .isInstanceOfSatisfying(
            RevalidationResult.Reject.class,
            r ->
                assertThat(r.reason())
                    .isEqualTo("voucher for deal deal-2 on a channel of deal deal-1"));
  }

  @Test
  void channelThatEndsOverItsQuotaFinalizesUntilRaisedAndOneWithinCompletes() {
    accepted(100);
    revalidator.onPullDataSent(CHANNEL, 150);

    assertThat(revalidator.onComplete(CHANNEL)).isInstanceOf(RevalidationResult.Pause.class);
    assertThat(revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 150)))
        .isInstanceOf(RevalidationResult.Resume.class);
    assertThat(book.account(CHANNEL)).as("forgotten once complete").isEmpty();

    ChannelId within = new ChannelId(CLIENT, peer(2), new TransferId(100));
    accepted(100);
    revalidator.onPullDataSent(within, 100);
    assertThat(revalidator.onComplete(within).voucherResult())
        .contains(new ExampleVoucherResult("complete", 100));
    assertThat(revalidator.onComplete(within)).isInstanceOf(RevalidationResult.NotHandled.class);
  }

  @Test
  void channelsWithoutAnAcceptedQuotaAreNotHandled() {
    assertThat(revalidator.onPullDataSent(CHANNEL, 10))
        .isInstanceOf(RevalidationResult.NotHandled.class);
    assertThat(revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 5)))
        .isInstanceOf(RevalidationResult.NotHandled.class);
    assertThat(revalidator.revalidate(CHANNEL, () -> ExampleVoucherResult.TYPE))
        .isInstanceOf(RevalidationResult.NotHandled.class);
  }
}
