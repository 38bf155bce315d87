package io.dt4j.libp2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.libp2p.host.NegotiationException.Reason;
import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.MuxedStreamListener;
import io.dt4j.libp2p.testing.LeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Future;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** multistream-select on a muxed stream (libp2p.md §3), including the §3.4 pitfalls. */
@ExtendWith(LeakCheck.class)
class StreamNegotiationTest {
  private final EmbeddedChannel loop = new EmbeddedChannel();
  private final FakeStream stream = new FakeStream(loop.eventLoop());
  private String selected;
  private String leftover;
  private NegotiationException failure;

  private final StreamNegotiation.Outcome outcome =
      new StreamNegotiation.Outcome() {
        @Override
        public void selected(String protocol, ByteBuf rest) {
          selected = protocol;
          leftover = rest == null ? "" : rest.toString(StandardCharsets.UTF_8);
          if (rest != null) {
            rest.release();
          }
        }

        @Override
        public void failed(NegotiationException cause) {
          failure = cause;
        }
      };

  @AfterEach
  void finish() {
    assertThat(loop.finish()).isFalse();
  }

  private static ByteBuf lines(String... lines) {
    return MultistreamLines.encode(io.netty.buffer.ByteBufAllocator.DEFAULT, List.of(lines));
  }

  private static ByteBuf concat(ByteBuf a, String raw) {
    a.writeBytes(raw.getBytes(StandardCharsets.UTF_8));
    return a;
  }

  private StreamNegotiation listener(Set<String> supported) {
    StreamNegotiation n = StreamNegotiation.listener(stream, supported::contains, outcome);
    n.start(Duration.ofSeconds(10));
    return n;
  }

  private StreamNegotiation dialer(String... proposals) {
    StreamNegotiation n = StreamNegotiation.dialer(stream, List.of(proposals), outcome);
    n.start(Duration.ofSeconds(10));
    return n;
  }

  @Test
  void listenerAnswersALazyProposalAndHandsOverTheDataBehindIt() {
    StreamNegotiation n = listener(Set.of("/echo/1.0.0"));

    n.onData(concat(lines("/multistream/1.0.0", "/echo/1.0.0"), "hello"));

    assertThat(selected).isEqualTo("/echo/1.0.0");
    assertThat(leftover).isEqualTo("hello");
    assertThat(stream.written()).isEqualTo(text("/multistream/1.0.0", "/echo/1.0.0"));
    assertThat(stream.reset).isFalse();
  }

  @Test
  void byteByByteGivesTheSameResult() {
    StreamNegotiation n = listener(Set.of("/echo/1.0.0"));
    ByteBuf all = concat(lines("/multistream/1.0.0", "/echo/1.0.0"), "x");

    while (selected == null && all.isReadable()) {
      n.onData(all.readRetainedSlice(1));
    }
    // after the selection the stream stops routing bytes to the negotiation
    String rest = leftover + all.toString(StandardCharsets.UTF_8);
    all.release();

    assertThat(selected).isEqualTo("/echo/1.0.0");
    assertThat(rest).isEqualTo("x");
    assertThat(stream.written()).isEqualTo(text("/multistream/1.0.0", "/echo/1.0.0"));
  }

  @Test
  void listenerAnswersNaToUnknownProtocolsAndLs() {
    StreamNegotiation n = listener(Set.of("/b/1.0.0"));

    n.onData(lines("/multistream/1.0.0", "/a/1.0.0", "ls", "/b/1.0.0"));

    assertThat(stream.written()).isEqualTo(text("/multistream/1.0.0", "na", "na", "/b/1.0.0"));
    assertThat(selected).isEqualTo("/b/1.0.0");
  }

  @Test
  void dialerFallsBackAfterNaAndKeepsTheBytesAfterTheEcho() {
    StreamNegotiation n = dialer("/a/1.0.0", "/b/1.0.0");
    assertThat(stream.written()).isEqualTo(text("/multistream/1.0.0", "/a/1.0.0"));

    n.onData(lines("/multistream/1.0.0", "na"));
    assertThat(stream.written()).isEqualTo(text("/b/1.0.0"));
    n.onData(concat(lines("/b/1.0.0"), "early"));

    assertThat(selected).isEqualTo("/b/1.0.0");
    assertThat(leftover).isEqualTo("early");
  }

  @Test
  void dialerFailsWhenThePeerRefusesEveryProposal() {
    StreamNegotiation n = dialer("/a/1.0.0");

    n.onData(lines("/multistream/1.0.0", "na"));

    assertThat(failure.reason()).isEqualTo(Reason.NO_PROTOCOL_ACCEPTED);
    assertThat(stream.reset).isTrue();
    stream.written();
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-newline", "too-long", "bad-header", "unexpected"})
  void malformedOrUnexpectedMessagesResetTheStream(String kind) {
    StreamNegotiation n = dialer("/a/1.0.0");
    ByteBuf input =
        switch (kind) {
          case "no-newline" -> Unpooled.wrappedBuffer(new byte[] {3, 'a', 'b', 'c'});
          case "too-long" -> Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0x10});
          case "bad-header" -> lines("/multistream/2.0.0");
          default -> lines("/multistream/1.0.0", "/z/1.0.0");
        };

    n.onData(input);

    assertThat(failure.reason())
        .isEqualTo(
            switch (kind) {
              case "bad-header" -> Reason.BAD_HEADER;
              case "unexpected" -> Reason.UNEXPECTED_RESPONSE;
              default -> Reason.MALFORMED_MESSAGE;
            });
    assertThat(stream.reset).isTrue();
    stream.written();
  }

  @Test
  void negotiationTimesOut() throws Exception {
    StreamNegotiation n = StreamNegotiation.dialer(stream, List.of("/a/1.0.0"), outcome);
    n.start(Duration.ofMillis(20));

    Thread.sleep(60);
    loop.runScheduledPendingTasks();

    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(stream.reset).isTrue();
    stream.written();
  }

  @Test
  void aResetDuringNegotiationFailsIt() {
    StreamNegotiation n = dialer("/a/1.0.0");
    n.onData(lines("/multistream/1.0.0"));

    n.onReset("gone");

    assertThat(failure.reason()).isEqualTo(Reason.STREAM_CLOSED);
    stream.written();
  }

  private static String text(String... lines) {
    ByteBuf b = lines(lines);
    try {
      return b.toString(StandardCharsets.ISO_8859_1);
    } finally {
      b.release();
    }
  }

  /** Records writes (released once read) and resets. */
  private static final class FakeStream implements MuxedStream {
    private final EventLoop loop;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean reset;

    FakeStream(EventLoop loop) {
      this.loop = loop;
    }

    String written() {
      String s = out.toString(StandardCharsets.ISO_8859_1);
      out.reset();
      return s;
    }

    @Override
    public long id() {
      return 1;
    }

    @Override
    public boolean isInitiator() {
      return true;
    }

    @Override
    public EventLoop eventLoop() {
      return loop;
    }

    @Override
    public void setListener(MuxedStreamListener listener) {}

    @Override
    public Future<Void> write(ByteBuf data) {
      byte[] bytes = new byte[data.readableBytes()];
      data.readBytes(bytes);
      data.release();
      out.writeBytes(bytes);
      return loop.newSucceededFuture(null);
    }

    @Override
    public boolean isWritable() {
      return true;
    }

    @Override
    public Future<Void> closeWrite() {
      return loop.newSucceededFuture(null);
    }

    @Override
    public void reset() {
      reset = true;
    }

    @Override
    public void setAutoRead(boolean autoRead) {}
  }
}
