package io.dt4j.libp2p.multistream;

import static io.dt4j.libp2p.testing.Bytes.drainOutbound;
import static io.dt4j.libp2p.testing.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.libp2p.multistream.MultistreamException.Reason;
import io.dt4j.libp2p.testing.Bytes;
import io.dt4j.libp2p.testing.CapturingHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
@org.junit.jupiter.api.extension.ExtendWith(io.dt4j.libp2p.testing.LeakCheck.class)
class MultistreamSelectTest {
  private static final String HEADER = "132f6d756c746973747265616d2f312e302e300a";
  private static final String NA = "036e610a";
  private static final String NOISE = "072f6e6f6973650a";
  private static final String YAMUX = "0d2f79616d75782f312e302e300a";
  private static final String MPLEX = "0d2f6d706c65782f362e372e300a";

  private final CapturingHandler next = new CapturingHandler();

  private Future<String> dial(EmbeddedChannel ch, String... proposals) {
    return MultistreamSelect.dial(
        ch.pipeline(), List.of(proposals), Duration.ofSeconds(10), (p, proto) -> p.addLast(next));
  }

  private Future<String> listen(EmbeddedChannel ch, String... supported) {
    return MultistreamSelect.listen(
        ch.pipeline(), List.of(supported), Duration.ofSeconds(10), (p, proto) -> p.addLast(next));
  }

  @Test
  void dialerSendsHeaderAndProposalInOneWriteAndForwardsReadAheadBytes() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = dial(ch, "/noise");
    assertThat(ch.outboundMessages()).hasSize(1);
    assertThat(drainOutbound(ch)).isEqualTo(HEADER + NOISE);

    // header, echo and the first bytes of the next protocol in one read (libp2p.md §3.4)
    ch.writeInbound(hex(HEADER + NOISE + "0020abcdef"));

    assertThat(selected.getNow()).isEqualTo("/noise");
    assertThat(HexFormat.of().formatHex(next.received())).isEqualTo("0020abcdef");
    assertThat(ch.pipeline().get(MultistreamFrameDecoder.class)).isNull();
    assertThat(ch.pipeline().get(MultistreamDialer.class)).isNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void dialerFallsBackAfterNaThenFailsTypedWhenNothingIsAccepted() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = dial(ch, "/yamux/1.0.0", "/mplex/6.7.0");
    drainOutbound(ch);
    ch.writeInbound(hex(HEADER + NA));
    assertThat(drainOutbound(ch)).isEqualTo(MPLEX);
    assertThat(selected.isDone()).isFalse();
    ch.writeInbound(hex(NA));
    assertThat(selected.cause())
        .isInstanceOfSatisfying(
            MultistreamException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_PROTOCOL_ACCEPTED))
        .hasMessageContaining("[/yamux/1.0.0, /mplex/6.7.0]");
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void dialerGetsTheSameResultWhenBytesArriveOneByOne() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = dial(ch, "/yamux/1.0.0", "/mplex/6.7.0");
    drainOutbound(ch);
    byte[] input = HexFormat.of().parseHex(HEADER + NA + MPLEX + "ff00");
    for (byte b : input) {
      ch.writeInbound(hex(String.format("%02x", b)));
    }
    assertThat(selected.getNow()).isEqualTo("/mplex/6.7.0");
    assertThat(HexFormat.of().formatHex(next.received())).isEqualTo("ff00");
    drainOutbound(ch);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void wrongHeaderFails() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = dial(ch, "/noise");
    drainOutbound(ch);
    ch.writeInbound(hex(NOISE));
    assertThat(((MultistreamException) selected.cause()).reason()).isEqualTo(Reason.BAD_HEADER);
    ch.writeInbound(hex(NOISE)); // later bytes are dropped and released
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void unexpectedAnswerFails() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = dial(ch, "/noise");
    drainOutbound(ch);
    ch.writeInbound(hex(HEADER + YAMUX));
    assertThat(((MultistreamException) selected.cause()).reason())
        .isEqualTo(Reason.UNEXPECTED_RESPONSE);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void lineWithoutNewlineIsMalformed() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = listen(ch, "/noise");
    drainOutbound(ch);
    ch.writeInbound(hex("032f6e6f")); // "/no" without '\n'
    assertThat(((MultistreamException) selected.cause()).reason())
        .isEqualTo(Reason.MALFORMED_MESSAGE);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void nonMinimalLengthPrefixIsMalformed() {
    // found by MultistreamFuzzTest: 0x81 0x00 is a 2-byte varint of the value 1
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = listen(ch, "/noise");
    drainOutbound(ch);
    ch.writeInbound(hex("8100"));
    assertThat(selected.cause())
        .isInstanceOfSatisfying(
            MultistreamException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MESSAGE))
        .hasMessageContaining("malformed multistream length prefix");
    ch.close();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void oversizedLineIsMalformedBeforeItIsBuffered() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = listen(ch, "/noise");
    drainOutbound(ch);
    ch.writeInbound(hex(HEADER + "d00f" + "61".repeat(10))); // declares 2000 bytes
    assertThat(selected.cause())
        .isInstanceOfSatisfying(
            MultistreamException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MESSAGE))
        .hasMessageContaining("2000 bytes exceeds the limit of 1024");
    ch.close();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void listenerAnswersNaThenEchoesAndForwardsALazyDialersPayload() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = listen(ch, "/yamux/1.0.0");
    assertThat(drainOutbound(ch)).isEqualTo(HEADER);

    ch.writeInbound(hex(HEADER + MPLEX));
    assertThat(drainOutbound(ch)).isEqualTo(NA);
    ch.writeInbound(hex(YAMUX + "000100"));
    assertThat(drainOutbound(ch)).isEqualTo(YAMUX);
    assertThat(selected.getNow()).isEqualTo("/yamux/1.0.0");
    assertThat(HexFormat.of().formatHex(next.received())).isEqualTo("000100");
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void listenerAnswersLsWithItsProtocols() {
    EmbeddedChannel ch = new EmbeddedChannel();
    listen(ch, "/yamux/1.0.0", "/mplex/6.7.0");
    drainOutbound(ch);
    ch.writeInbound(hex(HEADER + "036c730a"));
    // one message: 0x1d = 29 = 14 + 14 + final '\n'
    assertThat(drainOutbound(ch)).isEqualTo("1d" + YAMUX + MPLEX + "0a");
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void negotiationTimesOutOnTheEventLoopClock() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected =
        MultistreamSelect.dial(
            ch.pipeline(), List.of("/noise"), Duration.ofMillis(500), (p, proto) -> {});
    drainOutbound(ch);
    ch.advanceTimeBy(400, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(selected.isDone()).isFalse();
    ch.advanceTimeBy(200, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(((MultistreamException) selected.cause()).reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void connectionClosedDuringNegotiationFails() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Future<String> selected = dial(ch, "/noise");
    drainOutbound(ch);
    ch.writeInbound(hex(HEADER.substring(0, 10)));
    ch.close();
    assertThat(((MultistreamException) selected.cause()).reason())
        .isEqualTo(Reason.CONNECTION_CLOSED);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void dialerAndListenerAgreeAndThenTalkTheNextProtocol() {
    CapturingHandler listenerNext = new CapturingHandler();
    EmbeddedChannel dialer = new EmbeddedChannel();
    EmbeddedChannel listener = new EmbeddedChannel();
    Future<String> d =
        MultistreamSelect.dial(
            dialer.pipeline(),
            List.of("/tls/1.0.0", "/noise"),
            Duration.ofSeconds(5),
            (p, proto) -> p.addLast(next));
    Future<String> l =
        MultistreamSelect.listen(
            listener.pipeline(),
            List.of("/noise"),
            Duration.ofSeconds(5),
            (p, proto) -> p.addLast(listenerNext));
    Bytes.converse(dialer, listener);
    assertThat(d.getNow()).isEqualTo("/noise");
    assertThat(l.getNow()).isEqualTo("/noise");

    ByteBuf payload = dialer.alloc().buffer().writeBytes("hi".getBytes(StandardCharsets.UTF_8));
    dialer.writeAndFlush(payload);
    Bytes.converse(dialer, listener);
    assertThat(new String(listenerNext.received(), StandardCharsets.UTF_8)).isEqualTo("hi");
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }
}
