package io.dt4j.example.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.TransferId;
import io.dt4j.ipld.Multihash;
import org.junit.jupiter.api.Test;

class ExampleRevalidatorTest {
  private static final ChannelId CHANNEL = new ChannelId(peer(1), peer(2), new TransferId(99));
  private final ExampleRevalidator revalidator = new ExampleRevalidator();

  private static PeerId peer(int seed) {
    return PeerId.fromBytes(Multihash.sha256(new byte[] {(byte) seed}).toBytes());
  }

  @Test
  void pullPausesOncePastTheFreeBytesAndResumesWhenPaid() {
    assertThat(revalidator.onPullDataSent(CHANNEL, ExampleRevalidator.FREE_BYTES))
        .isInstanceOf(RevalidationResult.Continue.class);

    RevalidationResult owed = revalidator.onPullDataSent(CHANNEL, 10);
    assertThat(owed)
        .isInstanceOf(RevalidationResult.Pause.class)
        .extracting(RevalidationResult::voucherResult)
        .isEqualTo(
            java.util.Optional.of(
                new ExampleVoucherResult("payment required", ExampleRevalidator.FREE_BYTES + 10)));

    assertThat(revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 5)))
        .isInstanceOf(RevalidationResult.Pause.class);
    assertThat(revalidator.revalidate(CHANNEL, new ExampleVoucher("deal-1", 5)))
        .isInstanceOf(RevalidationResult.Resume.class);
  }

  @Test
  void completionSettlesAndForgetsTheChannel() {
    revalidator.onPushDataReceived(CHANNEL, 10);

    assertThat(revalidator.onComplete(CHANNEL).voucherResult())
        .contains(new ExampleVoucherResult("complete", 10));
    assertThat(revalidator.onComplete(CHANNEL)).isInstanceOf(RevalidationResult.Continue.class);
  }

  @Test
  void unknownVoucherKindIsNotHandled() {
    assertThat(revalidator.revalidate(CHANNEL, () -> ExampleVoucherResult.TYPE))
        .isInstanceOf(RevalidationResult.NotHandled.class);
  }
}
