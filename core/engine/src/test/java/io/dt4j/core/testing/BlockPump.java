package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRejectedException;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.selector.InvalidSelectorException;
import io.dt4j.ipld.selector.SelectorParser;
import io.dt4j.ipld.traversal.BlockEvent;
import io.dt4j.ipld.traversal.MissingBlockException;
import io.dt4j.ipld.traversal.Traversal;
import io.dt4j.ipld.traversal.TraversalCursor;
import io.dt4j.ipld.traversal.TraversalVisitor;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The work of one request, run only on its channel's lane: the open, one block per step, and the
 * data-transfer messages that travel as graphsync extensions (data-transfer.md §6.2, §6.3).
 *
 * <p>The Java hooks return a message or throw, never both, where Go's return both (a validation or
 * revalidation result together with {@code ErrPause} or an error). A response tells which: Go sets
 * {@code Acpt} = error is nil/pause/resume and {@code Paus} = error is pause (§2.4). So a response
 * that announces a pause pauses its producer's side of the request, and a rejection ends the
 * request after it was delivered, as graphsync does with Go's pair.
 */
final class BlockPump {
  /** Response kinds whose Acpt/Paus flags carry a validation or revalidation outcome. */
  private static final Set<MessageType> RESULT_TYPES =
      EnumSet.of(
          MessageType.NEW, MessageType.RESTART, MessageType.VOUCHER_RESULT, MessageType.COMPLETE);

  private final LoopbackRequest request;
  private final ChannelId chid;
  private final WireLedger ledger;
  private final Set<Cid> sent = new HashSet<>();
  private TraversalCursor cursor;

  BlockPump(LoopbackRequest request, WireLedger ledger) {
    this.request = request;
    this.chid = request.channelId();
    this.ledger = ledger;
  }

  static boolean announcesPause(TransferResponse response) {
    return RESULT_TYPES.contains(response.type()) && response.accepted() && response.paused();
  }

  static boolean announcesRejection(TransferResponse response) {
    return RESULT_TYPES.contains(response.type()) && !response.accepted();
  }

  /** The requester issues the request; the sender queues it and hears its message (§6.3). */
  void open() {
    if (request.isEnded()) {
      request.failOpen(
          new DataTransferException("the request for " + chid + " ended before it was sent"));
      return;
    }
    HookOutcome<Void> opened = requester().signal("onChannelOpened", h -> h.onChannelOpened(chid));
    if (opened instanceof HookOutcome.Failed<Void> failed) {
      request.end(new RequestEnd.Silent());
      request.failOpen(asDataTransferException(failed));
      return;
    }
    request.markOpened();
    TransferMessage message = request.ask().message();
    try {
      cursor =
          Traversal.over(BlockLoader.of(sender().store()))
              .start(
                  request.ask().root(),
                  SelectorParser.parse(request.ask().selector()),
                  TraversalVisitor.CONTINUE_ALL);
    } catch (InvalidSelectorException invalid) {
      request.end(
          RequestEnd.failureAt(Side.RESPONDER, "invalid selector: " + invalid.getMessage()));
      return;
    }
    if (message.type() == MessageType.NEW) {
      sender().tell("onTransferQueued", h -> h.onTransferQueued(chid));
    }
    // The pause a response announces was applied when the request was made (LoopbackRequest);
    // applying it again here could undo a resume that came in the meantime.
    deliver(Side.REQUESTER, message);
    if (message instanceof TransferResponse response && announcesRejection(response)) {
      request.end(RequestEnd.failureAt(Side.REQUESTER, TransferRejectedException.GO_TEXT));
    }
    request.startPumping();
  }

  /** Moves the next block, or ends the request when the traversal is done. */
  void step() {
    if (!request.mayMoveData()) {
      return;
    }
    Optional<BlockEvent> next;
    try {
      next = cursor.nextBlock();
    } catch (MissingBlockException missing) {
      request.end(
          new RequestEnd.FailedAtResponder(
              "content not found: " + missing.getMessage(), RequestEnd.CONTENT_NOT_FOUND));
      return;
    } catch (IOException | RuntimeException broken) {
      request.end(RequestEnd.failureAt(Side.RESPONDER, "traversal failed: " + broken.getMessage()));
      return;
    }
    if (next.isEmpty()) {
      request.end(new RequestEnd.Completed());
      return;
    }
    if (next.get() instanceof BlockEvent.Loaded block) {
      move(block);
    }
    request.continuePumping();
  }

  /** Carries a resume message from {@code side} to the other side, then lets data move. */
  void resume(Side side, TransferMessage message) {
    if (request.isEnded()) {
      return;
    }
    deliver(side, message);
    request.ensurePumping();
  }

  /**
   * One block: queued at the sender, verified and stored at the recipient, sent, received, then the
   * message the sender attached. A block the recipient said it has, or one this request sent
   * already, goes with zero on-wire size in graphsync: no hooks, not counted.
   */
  private void move(BlockEvent.Loaded loaded) {
    Cid cid = loaded.cid();
    if (request.ask().doNotSendCids().contains(cid) || !sent.add(cid)) {
      return;
    }
    long size = loaded.size();
    HookOutcome<Optional<TransferMessage>> queued =
        sender().ask("onDataQueued", h -> h.onDataQueued(chid, cid, size), Optional.empty());
    if (queued instanceof HookOutcome.Failed<?> failed) {
      request.end(RequestEnd.failureAt(Side.RESPONDER, failed.reason()));
      return;
    }
    Block block = new Block(cid, loaded.data());
    if (!verified(block) || request.isEnded()) {
      return;
    }
    requester().store().put(block);
    ledger.record(chid, cid);
    apply(Side.RESPONDER, sender().signal("onDataSent", h -> h.onDataSent(chid, cid, size)));
    if (!request.isEnded()) {
      apply(
          Side.REQUESTER,
          requester().signal("onDataReceived", h -> h.onDataReceived(chid, cid, size)));
    }
    Optional<TransferMessage> attached = queued.valueOr(Optional.empty());
    if (attached.isPresent() && !request.isEnded()) {
      carry(Side.RESPONDER, attached.get());
    }
    if (queued instanceof HookOutcome.Paused<?>) {
      request.pause(Side.RESPONDER);
    }
  }

  /** graphsync verifies every block against its CID before the requester stores it. */
  private boolean verified(Block block) {
    try {
      block.verify();
      return true;
    } catch (MalformedIpldException | UnsupportedOperationException mismatch) {
      request.end(RequestEnd.failureAt(Side.REQUESTER, mismatch.getMessage()));
      return false;
    }
  }

  /**
   * Carries a message from {@code from}, then applies the pause or rejection a response announces.
   */
  private void carry(Side from, TransferMessage message) {
    deliver(from, message);
    if (message instanceof TransferResponse response && !request.isEnded()) {
      if (announcesRejection(response)) {
        request.end(RequestEnd.failureAt(from, TransferRejectedException.GO_TEXT));
      } else if (announcesPause(response)) {
        request.pause(from);
      }
    }
  }

  /** Hands a message to the other side's handler; a request's reply travels back. */
  private void deliver(Side from, TransferMessage message) {
    Side to = from.other();
    RequestParty receiver = request.party(to);
    if (message instanceof TransferRequest transferRequest) {
      HookOutcome<Optional<TransferResponse>> answered =
          receiver.ask(
              "onRequestReceived",
              h -> h.onRequestReceived(chid, transferRequest),
              Optional.empty());
      Optional<TransferResponse> reply = answered.valueOr(Optional.empty());
      if (reply.isPresent()) {
        carry(to, reply.get());
      }
      apply(to, answered);
    } else if (message instanceof TransferResponse response) {
      apply(to, receiver.signal("onResponseReceived", h -> h.onResponseReceived(chid, response)));
    }
  }

  /** Applies what a handler of {@code side} said: pause or resume that side, or end the request. */
  private void apply(Side side, HookOutcome<?> outcome) {
    if (request.isEnded()) {
      return;
    }
    if (outcome instanceof HookOutcome.Paused<?>) {
      request.pause(side);
    } else if (outcome instanceof HookOutcome.Resumed<?>) {
      request.unpause(side);
    } else if (outcome instanceof HookOutcome.Failed<?> failed) {
      request.end(RequestEnd.failureAt(side, failed.reason()));
    }
  }

  private RequestParty requester() {
    return request.party(Side.REQUESTER);
  }

  private RequestParty sender() {
    return request.party(Side.RESPONDER);
  }

  private static DataTransferException asDataTransferException(HookOutcome.Failed<?> failed) {
    return failed.cause() instanceof DataTransferException known
        ? known
        : new DataTransferException(failed.reason(), failed.cause());
  }
}
