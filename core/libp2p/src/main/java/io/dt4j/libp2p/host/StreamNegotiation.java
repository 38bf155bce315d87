package io.dt4j.libp2p.host;

import io.dt4j.libp2p.host.NegotiationException.Reason;
import io.dt4j.libp2p.mux.MuxedStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * multistream-select 1.0 on one muxed stream (libp2p.md §3.2). The opener proposes its protocols in
 * order and waits for each answer (no lazy negotiation, §3.4); the accepting side answers from its
 * handlers. Bytes after the selection are handed over, never dropped. Runs on the stream's event
 * loop only; the timer is scheduled there too.
 */
final class StreamNegotiation {

  /** Receives the result, on the event loop. */
  interface Outcome {
    /**
     * A protocol was selected.
     *
     * @param protocol the protocol id
     * @param leftover bytes that followed the selection; the receiver releases it
     */
    void selected(String protocol, ByteBuf leftover);

    /** The negotiation failed; the stream was already reset. */
    void failed(NegotiationException cause);
  }

  private final MuxedStream stream;
  private final boolean dialer;
  private final List<String> proposals;
  private final Predicate<String> supported;
  private final Outcome outcome;
  private final CompositeByteBuf received;
  private ScheduledFuture<?> timer;
  private boolean headerSeen;
  private int proposal;
  private boolean done;

  private StreamNegotiation(
      MuxedStream stream,
      boolean dialer,
      List<String> proposals,
      Predicate<String> supported,
      Outcome outcome) {
    this.stream = stream;
    this.dialer = dialer;
    this.proposals = proposals;
    this.supported = supported;
    this.outcome = outcome;
    this.received = ByteBufAllocator.DEFAULT.compositeBuffer();
  }

  static StreamNegotiation dialer(MuxedStream stream, List<String> proposals, Outcome outcome) {
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("no protocol to propose");
    }
    return new StreamNegotiation(stream, true, List.copyOf(proposals), p -> false, outcome);
  }

  static StreamNegotiation listener(
      MuxedStream stream, Predicate<String> supported, Outcome outcome) {
    return new StreamNegotiation(stream, false, List.of(), supported, outcome);
  }

  /** Sends the header (and the first proposal) and starts the timer. Event loop only. */
  void start(Duration timeout) {
    timer =
        stream
            .eventLoop()
            .schedule(
                () ->
                    fail(
                        Reason.TIMEOUT,
                        "protocol negotiation did not finish within " + timeout.toMillis() + " ms"),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    // go and js pipeline the header with the first proposal; so do we (§3.2)
    List<String> first = dialer ? List.of(MultistreamLines.HEADER, proposals.get(0)) : header();
    send(first);
  }

  private static List<String> header() {
    return List.of(MultistreamLines.HEADER);
  }

  void onData(ByteBuf data) {
    if (done) {
      data.release();
      return;
    }
    received.addComponent(true, data);
    try {
      String line;
      while (!done && (line = MultistreamLines.tryRead(received)) != null) {
        handle(line);
      }
    } catch (NegotiationException e) {
      fail(e);
    }
  }

  void onRemoteClose() {
    // the peer may half-close right after its proposal (§3.4), but then onData came first and
    // either finished the negotiation or left an incomplete message that can never complete
    fail(Reason.STREAM_CLOSED, "the peer closed the stream during protocol negotiation");
  }

  void onReset(String reason) {
    if (done) {
      return;
    }
    finish();
    received.release();
    outcome.failed(
        new NegotiationException(
            Reason.STREAM_CLOSED, "stream reset during protocol negotiation: " + reason));
  }

  private void handle(String line) throws NegotiationException {
    if (!headerSeen) {
      if (!line.equals(MultistreamLines.HEADER)) {
        throw new NegotiationException(
            Reason.BAD_HEADER, "expected " + MultistreamLines.HEADER + ", got '" + line + "'");
      }
      headerSeen = true;
      return;
    }
    if (dialer) {
      onAnswer(line);
    } else {
      onProposal(line);
    }
  }

  private void onAnswer(String line) throws NegotiationException {
    String proposed = proposals.get(proposal);
    if (line.equals(proposed)) {
      succeed(proposed);
    } else if (line.equals(MultistreamLines.NA)) {
      proposal++;
      if (proposal == proposals.size()) {
        throw new NegotiationException(
            Reason.NO_PROTOCOL_ACCEPTED, "the peer supports none of " + proposals);
      }
      send(List.of(proposals.get(proposal)));
    } else {
      throw new NegotiationException(
          Reason.UNEXPECTED_RESPONSE,
          "proposed " + proposed + ", the peer answered '" + line + "'");
    }
  }

  private void onProposal(String line) {
    if (!line.equals(MultistreamLines.LS) && supported.test(line)) {
      send(List.of(line));
      succeed(line);
    } else {
      // ls is optional (§3.3): go answers na as well
      send(List.of(MultistreamLines.NA));
    }
  }

  private void succeed(String protocol) {
    finish();
    ByteBuf leftover = received.readableBytes() > 0 ? received.retainedSlice() : null;
    received.release();
    outcome.selected(protocol, leftover);
  }

  private void send(List<String> lines) {
    // a failed write shows up as a reset or on the next write; the peer may already have
    // half-closed after its proposal and still wants the answer (§3.4)
    stream.write(MultistreamLines.encode(ByteBufAllocator.DEFAULT, lines));
  }

  private void fail(Reason reason, String message) {
    fail(new NegotiationException(reason, message));
  }

  private void fail(NegotiationException cause) {
    if (done) {
      return;
    }
    finish();
    received.release();
    stream.reset();
    outcome.failed(cause);
  }

  private void finish() {
    if (!done) {
      done = true;
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }
}
