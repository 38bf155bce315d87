package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.ERROR;
import static io.dt4j.api.EventCode.NEW_VOUCHER_RESULT;
import static io.dt4j.api.EventCode.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelState;
import io.dt4j.api.Status;
import io.dt4j.api.TransferRejectedException;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.ipld.Selectors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opening a channel, in both directions: the happy path to completion on both sides, and the
 * validator's rejection (which leaves no channel at the responder, §8.9).
 */
class OpenTransferIT {

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aTransferRunsToCompletionOnBothSides(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      ChannelId chid = s.open("deal-1", 100);

      s.assertCompleted(chid);
      ChannelState atAlice = s.alice.manager.channelState(chid);
      ChannelState atBob = s.bob.manager.channelState(chid);
      assertThat(atAlice.status()).isEqualTo(Status.COMPLETED);
      assertThat(atBob.status()).isEqualTo(Status.COMPLETED);
      assertThat(direction.initiatorSends() ? atAlice.sent() : atAlice.received())
          .isEqualTo(s.dag.bytes());
      assertThat(direction.initiatorSends() ? atBob.received() : atBob.sent())
          .isEqualTo(s.dag.bytes());
      assertThat(atAlice.voucher()).isEqualTo(new TestVoucher("deal-1", 100));
      assertThat(atBob.voucher()).isEqualTo(new TestVoucher("deal-1", 100));
      assertThat(atAlice.lastVoucherResult()).contains(new TestResult("accepted", 100));
      assertThat(s.bob.validator.calls)
          .containsExactly((direction.initiatorSends() ? "push:" : "pull:") + "deal-1");
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void manyChannelsBetweenTwoNodesRunAtOnce(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      List<ChannelId> channels = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        channels.add(s.open("deal-many-" + i));
      }

      for (ChannelId chid : channels) {
        s.assertCompleted(chid);
        assertThat(s.recipient().manager.channelState(chid).received()).isEqualTo(s.dag.bytes());
      }
      assertThat(s.alice.manager.inProgressChannels()).containsOnlyKeys(channels);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aRejectedRequestFailsTheInitiatorAndLeavesNoChannelAtTheResponder(Direction direction)
      throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      ChannelId chid = s.open("reject-7");

      s.alice.events.awaitEnd(chid);
      assertThat(s.alice.events.codes(chid))
          .containsExactly(OPEN, NEW_VOUCHER_RESULT, ERROR, CLEANUP_COMPLETE);
      ChannelState atAlice = s.alice.manager.channelState(chid);
      assertThat(atAlice.status()).isEqualTo(Status.FAILED);
      assertThat(atAlice.message()).isEqualTo(TransferRejectedException.GO_TEXT);
      assertThat(atAlice.lastVoucherResult()).contains(new TestResult("refused", 0));
      assertThat(s.bob.manager.transferChannelStatus(chid))
          .isEqualTo(Status.CHANNEL_NOT_FOUND_ERROR);
      assertThat(s.bob.events.codes(chid)).isEmpty();
      assertThat(s.hub.deliveredCids(chid)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aValidatorThatThrowsRejectsTheRequest(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      ChannelId chid = s.open("throw-1");

      s.alice.events.awaitEnd(chid);
      assertThat(s.alice.events.codes(chid)).containsExactly(OPEN, ERROR, CLEANUP_COMPLETE);
      assertThat(s.bob.manager.transferChannelStatus(chid))
          .isEqualTo(Status.CHANNEL_NOT_FOUND_ERROR);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aValidatorThatNeverAnswersRejectsTheRequestAfterTheTimeoutAndTheNextOneWorks(
      Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      ChannelId stuck = s.open("hang-1");

      s.alice.events.awaitEnd(stuck);
      assertThat(s.alice.events.codes(stuck)).containsExactly(OPEN, ERROR, CLEANUP_COMPLETE);
      assertThat(s.alice.manager.channelState(stuck).message())
          .isEqualTo(TransferRejectedException.GO_TEXT);
      ChannelId next = s.open("deal-2");
      s.assertCompleted(next);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aVoucherOfAnUnregisteredTypeIsRejected(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      s.alice.manager.registry().registerVoucherCodec(new UnknownAtBob());
      ChannelId chid = s.nextChannel();
      UnknownVoucher voucher = new UnknownVoucher();
      (direction.initiatorSends()
              ? s.alice.manager.openPushDataChannel(
                  s.bob.peerId(), voucher, s.dag.root(), Selectors.EXPLORE_ALL)
              : s.alice.manager.openPullDataChannel(
                  s.bob.peerId(), voucher, s.dag.root(), Selectors.EXPLORE_ALL))
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);

      s.alice.events.awaitEnd(chid);
      assertThat(s.alice.events.codes(chid)).containsExactly(OPEN, ERROR, CLEANUP_COMPLETE);
      assertThat(s.alice.manager.channelState(chid).message())
          .isEqualTo(TransferRejectedException.GO_TEXT);
      assertThat(s.bob.manager.transferChannelStatus(chid))
          .isEqualTo(Status.CHANNEL_NOT_FOUND_ERROR);
      assertThat(s.bob.validator.calls).isEmpty();
    }
  }

  /** A voucher whose type only Alice knows. */
  record UnknownVoucher() implements io.dt4j.api.Voucher {
    @Override
    public TypeIdentifier type() {
      return TypeIdentifier.of("dt4j/UnknownAtBob");
    }
  }

  /** The codec of {@link UnknownVoucher}: an empty CBOR array. */
  static final class UnknownAtBob implements VoucherType<UnknownVoucher> {
    @Override
    public TypeIdentifier identifier() {
      return TypeIdentifier.of("dt4j/UnknownAtBob");
    }

    @Override
    public Class<UnknownVoucher> javaType() {
      return UnknownVoucher.class;
    }

    @Override
    public byte[] encode(UnknownVoucher value) {
      return new byte[] {(byte) 0x80};
    }

    @Override
    public UnknownVoucher decode(byte[] cbor) throws VoucherDecodingException {
      return new UnknownVoucher();
    }
  }
}
