package io.dt4j.core.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.ipld.Multihash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure decisions of the manager: data-transfer.md §5.5 and §5.9 as tables. */
class DispatchRulesTest {
  private static final TransferId ID = new TransferId(7);
  private static final EncodedVoucher RESULT =
      new EncodedVoucher(
          TestVouchers.RESULT, new TestVouchers.ResultCodec().encode(new TestResult("owed", 5)));
  private static final PeerId ALICE = peer("alice");
  private static final PeerId BOB = peer("bob");

  private static PeerId peer(String seed) {
    return PeerId.fromBytes(Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  private static TransferResponse response(MessageType type, boolean accepted, boolean paused) {
    return new TransferResponse(type, ID, accepted, paused, Optional.empty());
  }

  @Test
  void responsesAtTheInitiatorFollowTheReceiveTable() {
    assertThat(ResponseRules.eventsFor(response(MessageType.CANCEL, false, false)))
        .containsExactly(EventCode.CANCEL);
    assertThat(ResponseRules.eventsFor(response(MessageType.NEW, true, false)))
        .containsExactly(EventCode.ACCEPT, EventCode.RESUME_RESPONDER);
    assertThat(ResponseRules.eventsFor(response(MessageType.NEW, true, true)))
        .containsExactly(EventCode.ACCEPT, EventCode.PAUSE_RESPONDER);
    assertThat(ResponseRules.eventsFor(response(MessageType.NEW, false, false)))
        .containsExactly(EventCode.ERROR);
    assertThat(ResponseRules.eventsFor(response(MessageType.RESTART, true, false)))
        .containsExactly(EventCode.RESTART, EventCode.RESUME_RESPONDER);
    assertThat(ResponseRules.eventsFor(response(MessageType.COMPLETE, true, false)))
        .containsExactly(EventCode.RESPONDER_COMPLETES);
    assertThat(ResponseRules.eventsFor(response(MessageType.COMPLETE, true, true)))
        .containsExactly(EventCode.RESPONDER_BEGINS_FINALIZATION, EventCode.PAUSE_RESPONDER);
    assertThat(ResponseRules.eventsFor(response(MessageType.COMPLETE, false, false)))
        .containsExactly(EventCode.ERROR);
    assertThat(ResponseRules.eventsFor(response(MessageType.VOUCHER_RESULT, true, true)))
        .containsExactly(EventCode.PAUSE_RESPONDER);
    assertThat(ResponseRules.eventsFor(response(MessageType.UPDATE, false, false)))
        .containsExactly(EventCode.RESUME_RESPONDER);
    assertThat(ResponseRules.eventsFor(response(MessageType.UPDATE, false, true)))
        .containsExactly(EventCode.PAUSE_RESPONDER);
  }

  @Test
  void requestsAtTheResponderAreClassifiedInGosOrder() {
    ChannelId chid = new ChannelId(ALICE, BOB, ID);
    assertThat(RequestKind.of((TransferRequest) Messages.update(chid, ALICE, true)))
        .isEqualTo(RequestKind.PAUSE);
    assertThat(RequestKind.of((TransferRequest) Messages.update(chid, ALICE, false)))
        .isEqualTo(RequestKind.RESUME);
    assertThat(RequestKind.of((TransferRequest) Messages.cancel(chid, ALICE)))
        .isEqualTo(RequestKind.CANCEL);
    assertThat(RequestKind.of(Messages.voucherRequest(ID, RESULT))).isEqualTo(RequestKind.VOUCHER);
    assertThat(RequestKind.of(Messages.restartExistingChannelRequest(chid)))
        .isEqualTo(RequestKind.RESTART_EXISTING);
  }

  @Test
  void updateAndCancelMessagesDependOnTheSendersRole() {
    ChannelId chid = new ChannelId(ALICE, BOB, ID);
    TransferMessage fromResponder = Messages.update(chid, BOB, true);
    assertThat(fromResponder).isInstanceOf(TransferResponse.class);
    assertThat(((TransferResponse) fromResponder).accepted()).isFalse();
    assertThat(Messages.cancel(chid, BOB)).isInstanceOf(TransferResponse.class);
    assertThat(Messages.cancel(chid, ALICE)).isInstanceOf(TransferRequest.class);
  }

  @Test
  void aRevalidatorPauseSendsAPausedResultAndPausesTheResponder() {
    RevalidationStep step =
        RevalidationStep.of(
                ID,
                Status.ONGOING,
                RevalidationResult.pause(new TestResult("owed", 5)),
                Optional.of(RESULT))
            .orElseThrow();

    assertThat(step.response())
        .isEqualTo(
            new TransferResponse(MessageType.VOUCHER_RESULT, ID, true, true, Optional.of(RESULT)));
    assertThat(step.localEvent()).contains(EventCode.PAUSE_RESPONDER);
    assertThat(step.outcome()).isEqualTo(Outcome.PAUSE);
  }

  @Test
  void whileFinalizingTheAnswerIsACompleteResponse() {
    RevalidationStep step =
        RevalidationStep.of(ID, Status.FINALIZING, RevalidationResult.resume(), Optional.empty())
            .orElseThrow();

    assertThat(step.response())
        .isEqualTo(new TransferResponse(MessageType.COMPLETE, ID, true, false, Optional.empty()));
    assertThat(step.localEvent()).contains(EventCode.RESUME_RESPONDER);
    assertThat(step.outcome()).isEqualTo(Outcome.RESUME);
  }

  @Test
  void aRejectionIsNotAcceptedAndFails() {
    RevalidationStep step =
        RevalidationStep.of(
                ID, Status.ONGOING, RevalidationResult.reject("no money"), Optional.empty())
            .orElseThrow();

    assertThat(step.response().accepted()).isFalse();
    assertThat(step.localEvent()).isEmpty();
    assertThat(step.outcome())
        .isInstanceOfSatisfying(
            Outcome.Fail.class,
            f -> assertThat(f.error()).hasMessage("voucher rejected: no money"));
  }

  @Test
  void nothingIsSentWithoutAnAnswerOrAResult() {
    assertThat(
            RevalidationStep.of(
                ID, Status.ONGOING, RevalidationResult.notHandled(), Optional.empty()))
        .isEmpty();
    assertThat(
            RevalidationStep.of(ID, Status.ONGOING, RevalidationResult.proceed(), Optional.empty()))
        .isEmpty();
    assertThat(
            RevalidationStep.of(
                ID,
                Status.ONGOING,
                new RevalidationResult.Continue(Optional.of(new TestResult("ok", 1))),
                Optional.of(RESULT)))
        .hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(Outcome.PROCEED));
  }

  @Test
  void aReplyWithAResponseTravelsAsTheResponseAndItsFlags() throws Exception {
    TransferResponse paused = response(MessageType.NEW, true, true);
    assertThat(Reply.of(paused, Outcome.PAUSE).toTransport()).contains(paused);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Reply.without(Outcome.PAUSE).toTransport())
        .isInstanceOf(io.dt4j.api.PauseChannelException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Reply.without(Outcome.fail("bad")).toTransport())
        .hasMessage("bad");
  }
}
