package io.dt4j.libp2p.mux;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link MuxerFactory} must show, run over a real loopback TCP connection
 * without security (like jvm-libp2p's MuxHandlerAbstractTest). Socket buffers are small (64 KiB) so
 * that back-pressure shows within a few MiB.
 */
@ExtendWith(LeakDetection.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class MuxerContractTest {
  private static final int SOCKET_BUFFER = 64 * 1024;

  protected LoopbackMuxPair pair;

  /** Returns the muxer under test. */
  protected abstract MuxerFactory factory();

  /** Returns the most bytes a paused stream may hold before the writer is stopped. */
  protected abstract long pausedBufferBound();

  /** Returns the bytes a stream holds for its paused reader; called on its event loop. */
  protected abstract long bufferedInboundBytes(MuxedStream stream);

  @BeforeEach
  void connect() throws Exception {
    pair = LoopbackMuxPair.connect(factory(), SOCKET_BUFFER);
  }

  @AfterEach
  void disconnect() {
    pair.close();
  }

  @Test
  void streamsOpenInBothDirectionsAndEcho() throws Exception {
    MuxedStream outbound = pair.client.open();
    StreamRecorder fromServer = new StreamRecorder();
    outbound.setListener(fromServer);
    outbound.write(ascii("hello"));
    outbound.closeWrite();
    fromServer.remoteClosed.get(5, TimeUnit.SECONDS);
    assertEquals("hello", new String(fromServer.bytes(), US_ASCII));
    assertTrue(outbound.isInitiator());
    assertFalse(pair.server.accepted.poll(5, TimeUnit.SECONDS).isInitiator());

    MuxedStream inbound = pair.server.open();
    StreamRecorder fromClient = new StreamRecorder();
    inbound.setListener(fromClient);
    inbound.write(ascii("world"));
    inbound.closeWrite();
    fromClient.remoteClosed.get(5, TimeUnit.SECONDS);
    assertEquals("world", new String(fromClient.bytes(), US_ASCII));
    MuxedStream acceptedByClient = pair.client.accepted.poll(5, TimeUnit.SECONDS);
    assertFalse(acceptedByClient.isInitiator());
    assertEquals(inbound.id(), acceptedByClient.id());
  }

  @Test
  void echoesOneMebibyteUnchanged() throws Exception {
    byte[] payload = randomBytes(1 << 20, 1);
    MuxedStream stream = pair.client.open();
    StreamRecorder echo = new StreamRecorder();
    stream.setListener(echo);
    Future<Void> written = stream.write(Unpooled.wrappedBuffer(payload));
    stream.closeWrite();
    echo.remoteClosed.get(20, TimeUnit.SECONDS);
    assertTrue(written.isSuccess());
    assertArrayEquals(payload, echo.bytes());
  }

  @Test
  void hundredConcurrentStreamsEachEchoTheirOwnBytes() throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    List<StreamRecorder> echoes = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      MuxedStream stream = pair.client.open();
      StreamRecorder echo = new StreamRecorder();
      stream.setListener(echo);
      byte[] payload = randomBytes(64 * 1024 + i, i);
      stream.write(Unpooled.wrappedBuffer(payload));
      stream.closeWrite();
      payloads.add(payload);
      echoes.add(echo);
      ids.add(stream.id());
    }
    assertEquals(100, ids.stream().distinct().count());
    for (int i = 0; i < 100; i++) {
      echoes.get(i).remoteClosed.get(30, TimeUnit.SECONDS);
      assertArrayEquals(payloads.get(i), echoes.get(i).bytes(), "stream " + i);
    }
    awaitTrue(() -> pair.client.muxer.openStreams() == 0, "client streams all closed");
    awaitTrue(() -> pair.server.muxer.openStreams() == 0, "server streams all closed");
  }

  @Test
  void halfCloseLetsTheOtherSideKeepWriting() throws Exception {
    StreamRecorder serverSide = new StreamRecorder();
    pair.server.behaviour =
        stream ->
            stream.setListener(
                new StreamRecorder() {
                  @Override
                  public void onRemoteClose() {
                    super.onRemoteClose();
                    stream.write(ascii("answer after your close"));
                    stream.closeWrite();
                  }

                  @Override
                  public void onData(io.netty.buffer.ByteBuf data) {
                    serverSide.onData(data);
                  }
                });
    MuxedStream stream = pair.client.open();
    StreamRecorder clientSide = new StreamRecorder();
    stream.setListener(clientSide);
    stream.write(ascii("question"));
    stream.closeWrite().get(5, TimeUnit.SECONDS);
    ExecutionException late =
        assertThrows(
            ExecutionException.class, () -> stream.write(ascii("late")).get(5, TimeUnit.SECONDS));
    assertThat(late.getCause()).hasMessageContaining("closed for writing");
    clientSide.remoteClosed.get(5, TimeUnit.SECONDS);
    assertEquals("answer after your close", new String(clientSide.bytes(), US_ASCII));
    assertEquals("question", new String(serverSide.bytes(), US_ASCII));
    assertFalse(clientSide.reset.isDone());
  }

  @Test
  void resetReachesTheRemoteListenerAndSparesOtherStreams() throws Exception {
    CompletableFuture<StreamRecorder> serverSide = new CompletableFuture<>();
    pair.server.behaviour =
        stream -> {
          StreamRecorder recorder = new StreamRecorder();
          stream.setListener(recorder);
          serverSide.complete(recorder);
        };
    MuxedStream stream = pair.client.open();
    stream.setListener(new StreamRecorder());
    stream.write(ascii("x")).get(5, TimeUnit.SECONDS);
    StreamRecorder remote = serverSide.get(5, TimeUnit.SECONDS);
    awaitTrue(() -> remote.receivedBytes() == 1, "first byte arrived");
    stream.reset();
    assertThat(remote.reset.get(5, TimeUnit.SECONDS)).isNotBlank();
    assertThrows(ExecutionException.class, () -> stream.write(ascii("y")).get(5, TimeUnit.SECONDS));

    pair.server.behaviour = LoopbackMuxPair::echo;
    MuxedStream other = pair.client.open();
    StreamRecorder echo = new StreamRecorder();
    other.setListener(echo);
    other.write(ascii("still alive"));
    other.closeWrite();
    echo.remoteClosed.get(5, TimeUnit.SECONDS);
    assertEquals("still alive", new String(echo.bytes(), US_ASCII));
  }

  @Test
  void pausedReaderStopsTheWriterWithBoundedMemoryAndResumeDrainsEverything() throws Exception {
    int total = 32 << 20;
    byte[] payload = randomBytes(total, 7);
    CompletableFuture<MuxedStream> pausedStream = new CompletableFuture<>();
    StreamRecorder reader = new StreamRecorder();
    pair.server.behaviour =
        stream -> {
          stream.setAutoRead(false);
          stream.setListener(reader);
          pausedStream.complete(stream);
        };
    MuxedStream stream = pair.client.open();
    PacedWriter writer =
        new PacedWriter(
                stream,
                (offset, length) -> Unpooled.wrappedBuffer(payload, (int) offset, length),
                total,
                64 * 1024,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(50))
            .start();
    MuxedStream paused = pausedStream.get(5, TimeUnit.SECONDS);
    awaitStalled(writer);

    assertThat(writer.sent()).isLessThan(total);
    assertFalse(stream.isWritable(), "writer must see the stream unwritable");
    Future<Void> careless = writer.writeOneMoreIgnoringWritability();
    Thread.sleep(300);
    assertFalse(careless.isDone(), "a write beyond the window must wait for the reader");
    assertEquals(0, reader.receivedBytes());
    long held = paused.eventLoop().submit(() -> bufferedInboundBytes(paused)).get();
    assertThat(held).isPositive().isLessThanOrEqualTo(pausedBufferBound());

    paused.setAutoRead(true);
    writer.done.get(30, TimeUnit.SECONDS);
    reader.remoteClosed.get(30, TimeUnit.SECONDS);
    assertArrayEquals(payload, reader.bytes());
    assertThat(writer.lastWrite().isSuccess()).isTrue();
  }

  @Test
  void connectionLossResetsEveryStreamPromptly() throws Exception {
    List<StreamRecorder> serverSide = new ArrayList<>();
    pair.server.behaviour =
        stream -> {
          StreamRecorder recorder = new StreamRecorder();
          synchronized (serverSide) {
            serverSide.add(recorder);
          }
          stream.setListener(recorder);
        };
    pair.client.behaviour = stream -> stream.setListener(new StreamRecorder());
    List<StreamRecorder> clientSide = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      MuxedStream stream = pair.client.open();
      StreamRecorder recorder = new StreamRecorder();
      stream.setListener(recorder);
      clientSide.add(recorder);
      stream.write(ascii("data")).get(5, TimeUnit.SECONDS);
      stream.write(Unpooled.wrappedBuffer(randomBytes(1 << 20, i))); // some still in flight
    }
    for (int i = 0; i < 2; i++) {
      MuxedStream stream = pair.server.open();
      StreamRecorder recorder = new StreamRecorder();
      stream.setListener(recorder);
      clientSide.add(recorder);
      stream.write(ascii("data")).get(5, TimeUnit.SECONDS);
    }
    awaitTrue(() -> serverSide.size() == 3, "server accepted 3 streams");

    pair.server.channel.config().setOption(ChannelOption.SO_LINGER, 0);
    pair.server.channel.close();

    for (StreamRecorder recorder : clientSide) {
      assertThat(recorder.reset.get(5, TimeUnit.SECONDS)).isNotBlank();
    }
    synchronized (serverSide) {
      for (StreamRecorder recorder : serverSide) {
        assertThat(recorder.reset.get(5, TimeUnit.SECONDS)).isNotBlank();
      }
    }
    awaitTrue(() -> pair.client.muxer.openStreams() == 0, "client forgot its streams");
    assertThrows(ExecutionException.class, () -> pair.client.open());
  }

  @Test
  void closeEndsTheSessionAndRefusesNewStreams() throws Exception {
    MuxedStream stream = pair.client.open();
    StreamRecorder echo = new StreamRecorder();
    stream.setListener(echo);
    stream.write(ascii("bye"));
    stream.closeWrite();
    echo.remoteClosed.get(5, TimeUnit.SECONDS);
    pair.client.muxer.close().get(10, TimeUnit.SECONDS);
    assertFalse(pair.client.channel.isActive());
    assertThrows(ExecutionException.class, () -> pair.client.open());
    awaitTrue(() -> !pair.server.channel.isActive(), "server saw the connection end");
  }

  protected static io.netty.buffer.ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, US_ASCII);
  }

  protected static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  protected static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Waits until the writer made no progress for 500 ms (at most 15 s). */
  private static void awaitStalled(PacedWriter writer) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    long last = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long now = writer.sent();
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(500)) {
        return;
      }
      Thread.sleep(20);
    }
    assertNotEquals(-1, last);
    throw new AssertionError("writer never stalled; sent " + last);
  }
}
