package io.dt4j.libp2p.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.noise.NoiseException.Reason;
import io.dt4j.libp2p.testing.Bytes;
import io.dt4j.libp2p.testing.CapturingHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
@org.junit.jupiter.api.extension.ExtendWith(io.dt4j.libp2p.testing.LeakCheck.class)
class NoiseHandlersTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivKey alice = Ed25519PrivKey.generate(RANDOM);
  private final PrivKey bob = Ed25519PrivKey.generate(RANDOM);
  private final CapturingHandler atAlice = new CapturingHandler();
  private final CapturingHandler atBob = new CapturingHandler();
  private final EmbeddedChannel dialer = new EmbeddedChannel();
  private final EmbeddedChannel listener = new EmbeddedChannel();

  private Future<NoiseSession> secure(
      EmbeddedChannel ch, NoiseHandshake handshake, CapturingHandler next) {
    Promise<NoiseSession> result = ch.eventLoop().newPromise();
    ch.pipeline()
        .addLast(
            new NoiseFrameDecoder(),
            new NoiseHandshakeHandler(handshake, (p, s) -> p.addLast(next), result));
    return result;
  }

  private NoiseHandshake handshake(boolean initiator, PrivKey key) {
    return new NoiseHandshake(
        initiator, key, Optional.empty(), NoiseCipherSuite.preferred(), RANDOM);
  }

  @Test
  void handshakeThenLargeWritesAreSplitIntoFramesOfAtMost65535Bytes() {
    NoiseSecurity aliceNoise = new NoiseSecurity(alice, NoiseCipherSuite.preferred(), RANDOM);
    NoiseSecurity bobNoise = new NoiseSecurity(bob, NoiseCipherSuite.preferred(), RANDOM);
    Future<NoiseSession> a =
        aliceNoise.secure(
            dialer.pipeline(), true, Optional.of(bob.peerId()), (p, s) -> p.addLast(atAlice));
    Future<NoiseSession> b =
        bobNoise.secure(listener.pipeline(), false, Optional.empty(), (p, s) -> p.addLast(atBob));
    Bytes.converse(dialer, listener);
    assertThat(a.getNow().remotePeer()).isEqualTo(bob.peerId());
    assertThat(b.getNow().remotePeer()).isEqualTo(alice.peerId());
    assertThat(dialer.pipeline().get(NoiseHandshakeHandler.class)).isNull();
    assertThat(dialer.pipeline().get(NoiseTransportHandler.class)).isNotNull();

    byte[] data = new byte[200 * 1024];
    new Random(1).nextBytes(data);
    dialer.writeAndFlush(Unpooled.wrappedBuffer(data));
    List<Integer> frameLengths = new ArrayList<>();
    for (Object msg = dialer.readOutbound(); msg != null; msg = dialer.readOutbound()) {
      ByteBuf frame = (ByteBuf) msg;
      frameLengths.add(frame.getUnsignedShort(0));
      assertThat(frame.readableBytes()).isEqualTo(2 + frame.getUnsignedShort(0));
      listener.writeInbound(frame);
    }
    assertThat(frameLengths).containsExactly(65535, 65535, 65535, 8243 + 16);
    assertThat(atBob.received()).isEqualTo(data);

    listener.writeAndFlush(Unpooled.copiedBuffer("pong", StandardCharsets.UTF_8));
    Bytes.converse(dialer, listener);
    assertThat(new String(atAlice.received(), StandardCharsets.UTF_8)).isEqualTo("pong");
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  private void handshakeDone() {
    secure(dialer, handshake(true, alice), atAlice);
    secure(listener, handshake(false, bob), atBob);
    Bytes.converse(dialer, listener);
  }

  private List<ByteBuf> outboundFrames() {
    List<ByteBuf> frames = new ArrayList<>();
    for (Object msg = dialer.readOutbound(); msg != null; msg = dialer.readOutbound()) {
      frames.add((ByteBuf) msg);
    }
    return frames;
  }

  @Test
  void writesBetweenFlushesArePackedIntoFullFramesInOrder() {
    handshakeDone();
    // what a muxer writes per frame: a 12-byte header, then a 64 KiB payload
    byte[] data = new byte[2 * (12 + 65536)];
    new Random(2).nextBytes(data);
    List<ChannelFuture> writes = new ArrayList<>();
    for (int at = 0; at < data.length; at += 12 + 65536) {
      writes.add(dialer.write(Unpooled.wrappedBuffer(data, at, 12)));
      writes.add(dialer.write(Unpooled.wrappedBuffer(data, at + 12, 65536)));
    }
    dialer.flush();

    List<ByteBuf> frames = outboundFrames();
    // 131096 bytes of plaintext: two full frames of 65519, then the 58 bytes left at the flush
    assertThat(frames)
        .extracting(f -> f.getUnsignedShort(0))
        .containsExactly(65535, 65535, 58 + 16);
    assertThat(writes).allMatch(ChannelFuture::isSuccess);
    frames.forEach(listener::writeInbound);
    assertThat(atBob.received()).isEqualTo(data);
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void smallWritesShareOneFrameSealedAtTheFlush() {
    handshakeDone();
    ChannelFuture ping = dialer.write(Unpooled.copiedBuffer("ping", StandardCharsets.UTF_8));
    ChannelFuture pong = dialer.write(Unpooled.copiedBuffer("pong", StandardCharsets.UTF_8));
    dialer.flush();
    List<ByteBuf> frames = outboundFrames();
    assertThat(frames).extracting(f -> f.getUnsignedShort(0)).containsExactly(8 + 16);
    assertThat(ping.isSuccess()).isTrue();
    assertThat(pong.isSuccess()).isTrue();
    frames.forEach(listener::writeInbound);
    assertThat(new String(atBob.received(), StandardCharsets.UTF_8)).isEqualTo("pingpong");
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void bytesWrittenBeforeACloseGoOutBeforeIt() {
    handshakeDone();
    ChannelFuture last = dialer.write(Unpooled.copiedBuffer("bye", StandardCharsets.UTF_8));
    dialer.close();
    assertThat(last.isSuccess()).isTrue();
    Bytes.shuttle(dialer, listener);
    assertThat(new String(atBob.received(), StandardCharsets.UTF_8)).isEqualTo("bye");
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void framesSpanningReadsAreJoinedAndDecrypted() {
    handshakeDone();
    byte[] data = new byte[300 * 1024];
    new Random(3).nextBytes(data);
    dialer.writeAndFlush(Unpooled.wrappedBuffer(data));
    ByteBuf wire = Unpooled.buffer();
    for (ByteBuf frame : outboundFrames()) {
      wire.writeBytes(frame);
      frame.release();
    }
    // reads that end anywhere: inside a length prefix, inside a frame, on a boundary
    for (int size : new int[] {1, 7000, 65537, 65536, 100_000, Integer.MAX_VALUE}) {
      if (!wire.isReadable()) {
        break;
      }
      int n = Math.min(size, wire.readableBytes());
      listener.writeInbound(Unpooled.directBuffer(n).writeBytes(wire, n));
    }
    wire.release();
    assertThat(atBob.received()).isEqualTo(data);
    assertThat(listener.isOpen()).isTrue();
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void transportBytesBehindTheLastHandshakeMessageReachTheNextStage() {
    NoiseHandshake i = handshake(true, alice);
    Promise<NoiseSession> a = dialer.eventLoop().newPromise();
    // the dialer's next stage writes at once (as the muxer negotiation does)
    dialer
        .pipeline()
        .addLast(
            new NoiseFrameDecoder(),
            new NoiseHandshakeHandler(
                i,
                (p, s) ->
                    p.channel()
                        .writeAndFlush(Unpooled.copiedBuffer("early", StandardCharsets.UTF_8)),
                a));
    Future<NoiseSession> b = secure(listener, handshake(false, bob), atBob);
    Bytes.shuttleMerged(dialer, listener); // msg1
    Bytes.shuttleMerged(listener, dialer); // msg2
    assertThat(a.isSuccess()).isTrue();
    Bytes.shuttleMerged(dialer, listener); // msg3 and a transport frame in one read
    assertThat(b.isSuccess()).isTrue();
    assertThat(new String(atBob.received(), StandardCharsets.UTF_8)).isEqualTo("early");
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void streamMuxersEarlyDataFromTheRemoteIsIgnored() {
    NoiseHandshake r = handshake(false, bob);
    r.payloadFilter(NoiseTestPeers.withStreamMuxers("/yamux/1.0.0"));
    Future<NoiseSession> a = secure(dialer, handshake(true, alice), atAlice);
    Future<NoiseSession> b = secure(listener, r, atBob);
    Bytes.converse(dialer, listener);
    assertThat(a.getNow().remoteStreamMuxers()).containsExactly("/yamux/1.0.0");
    assertThat(b.isSuccess()).isTrue();
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void badSignatureFailsTheHandshake() {
    NoiseHandshake r = handshake(false, bob);
    r.payloadFilter(NoiseTestPeers.signingAnotherStaticKey(bob));
    Future<NoiseSession> a = secure(dialer, handshake(true, alice), atAlice);
    secure(listener, r, atBob);
    Bytes.converse(dialer, listener);
    assertThat(((NoiseException) a.cause()).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    dialer.close();
    listener.close();
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void tamperedTransportFrameClosesTheConnection() {
    Future<NoiseSession> a = secure(dialer, handshake(true, alice), atAlice);
    secure(listener, handshake(false, bob), atBob);
    Bytes.converse(dialer, listener);
    assertThat(a.isSuccess()).isTrue();

    dialer.writeAndFlush(Unpooled.copiedBuffer("secret", StandardCharsets.UTF_8));
    ByteBuf frame = dialer.readOutbound();
    frame.setByte(5, frame.getByte(5) ^ 1);
    listener.writeInbound(frame);
    assertThat(listener.isOpen()).isFalse();
    assertThat(atBob.received()).isEmpty();
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void emptyTransportFrameIsAcceptedAndIgnored() {
    secure(dialer, handshake(true, alice), atAlice);
    secure(listener, handshake(false, bob), atBob);
    Bytes.converse(dialer, listener);
    NoiseTransportHandler transport = dialer.pipeline().get(NoiseTransportHandler.class);
    // a zero-length plaintext encrypts to a 16-byte frame (libp2p.md §4.2)
    dialer.writeAndFlush(Unpooled.EMPTY_BUFFER);
    assertThat(transport).isNotNull();
    dialer.writeAndFlush(Unpooled.copiedBuffer("x", StandardCharsets.UTF_8));
    Bytes.converse(dialer, listener);
    assertThat(new String(atBob.received(), StandardCharsets.UTF_8)).isEqualTo("x");
    assertThat(listener.isOpen()).isTrue();
    assertThat(dialer.finish()).isFalse();
    assertThat(listener.finish()).isFalse();
  }

  @Test
  void truncatedFrameAtEndOfConnectionFailsTyped() {
    Future<NoiseSession> b = secure(listener, handshake(false, bob), atBob);
    listener.writeInbound(Bytes.hex("0020" + "00".repeat(10)));
    listener.close();
    assertThat(((NoiseException) b.cause()).reason()).isEqualTo(Reason.TRUNCATED_FRAME);
    assertThat(b.cause()).hasMessageContaining("12 bytes of 34 bytes");
    assertThat(listener.finish()).isFalse();
  }
}
