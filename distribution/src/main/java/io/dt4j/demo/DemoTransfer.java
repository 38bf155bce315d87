package io.dt4j.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Voucher;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.NewTransfer;
import io.dt4j.daemon.TransferEvent;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * The demo's transfer: node B pulls the DAG from node A, or node A pushes it to node B, with an
 * example voucher ({@code dt4j/ExampleVoucher}), paying as the responder asks (pay-as-you-go, as a
 * retrieval client does).
 */
final class DemoTransfer {
  /** The voucher type of the example-voucher plugin. */
  static final String VOUCHER_TYPE = "dt4j/ExampleVoucher";

  /** The deal the voucher names; the example validator accepts deals named {@code deal-...}. */
  static final String DEAL = "deal-demo";

  private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STALL = Duration.ofSeconds(60);

  private DemoTransfer() {}

  /**
   * What the transfer did.
   *
   * @param id the channel
   * @param ends both sides of the channel at its end
   * @param seconds from opening the channel until both sides completed
   * @param vouchers the vouchers the initiator sent: the request's, then one per payment
   */
  record Result(ChannelId id, ChannelEnds ends, double seconds, int vouchers) {}

  /**
   * Connects the nodes, opens the channel and waits until both sides completed. The example
   * revalidator lets a channel move its first MiB free, then the responder pauses it for payment;
   * the initiator then sends a new voucher that pays for the whole DAG.
   *
   * @param nodes node A, which has the DAG, and node B
   * @param root the DAG's root
   * @param dagBytes the DAG's block bytes, which each voucher pays for
   * @param push whether A pushes (else B pulls)
   * @param received told node B's received bytes as they grow
   * @return what happened
   * @throws DemoFailedException if the channel cannot open, stalls or does not complete
   * @throws InterruptedException if interrupted while waiting
   */
  static Result run(DemoNodes nodes, Cid root, long dagBytes, boolean push, LongConsumer received)
      throws InterruptedException {
    Dt4jNode initiator = push ? nodes.a() : nodes.b();
    Dt4jNode responder = push ? nodes.b() : nodes.a();
    Voucher voucher =
        initiator
            .voucherTypes()
            .parse(VOUCHER_TYPE, JsonNodeFactory.instance.arrayNode().add(DEAL).add(dagBytes));
    await(initiator.connect(responder.addresses().get(0)), "connect node A and node B");
    try (TransferWatch watch = new TransferWatch(nodes.a(), nodes.b())) {
      long start = System.nanoTime();
      NewTransfer transfer =
          new NewTransfer(!push, responder.peerId(), voucher, root, Selectors.EXPLORE_ALL);
      ChannelId id = await(initiator.transfers().open(transfer), "open the channel");
      Payments payments = new Payments(initiator, id, voucher);
      ChannelEnds ends =
          watch.await(
              id,
              STALL,
              event -> {
                if (!event.channel().isSender()) {
                  received.accept(event.channel().received());
                }
                payments.onUpdate(event);
              });
      return new Result(id, ends, (System.nanoTime() - start) / 1e9, 1 + payments.sent);
    }
  }

  /**
   * The initiator pays, with a new voucher, each time the responder pauses the channel: on the
   * initiator's {@code PauseResponder} event, which comes with the responder's voucher result (the
   * status alone may not show it: a sender whose data is all queued stays TransferFinished).
   */
  private static final class Payments {
    private final Dt4jNode initiator;
    private final ChannelId id;
    private final Voucher voucher;
    private int sent;

    Payments(Dt4jNode initiator, ChannelId id, Voucher voucher) {
      this.initiator = initiator;
      this.id = id;
      this.voucher = voucher;
    }

    void onUpdate(TransferEvent event) throws InterruptedException {
      if (event.channel().selfPeer().equals(initiator.peerId())
          && event.event().code() == EventCode.PAUSE_RESPONDER) {
        await(initiator.transfers().sendVoucher(id, voucher), "send a voucher");
        sent++;
      }
    }
  }

  private static <T> T await(CompletionStage<T> stage, String what) throws InterruptedException {
    try {
      return stage.toCompletableFuture().get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new DemoFailedException(
          DemoFailedException.Reason.OPEN_FAILED, "cannot " + what + ": " + cause.getMessage());
    } catch (TimeoutException e) {
      throw new DemoFailedException(
          DemoFailedException.Reason.OPEN_FAILED,
          "cannot " + what + ": no answer within " + OPEN_TIMEOUT.toSeconds() + " s");
    }
  }
}
