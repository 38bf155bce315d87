package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dt4j.api.host.Stream;
import io.dt4j.graphsync.Graphsync;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.message.CancelRequest;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.graphsync.requester.RequesterPeer;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.protobuf.FrameDecoder;
import io.dt4j.ipld.unixfs.ImportResult;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A peer that writes bad bytes on the graphsync protocol: each one costs it its stream, is reported
 * to the receiver-network-error listeners, allocates nothing beyond the limit, touches no state,
 * and leaves the node serving others.
 */
class BadInputIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final TestNode.Network network = new TestNode.Network();
  private final List<Exception> errors = new CopyOnWriteArrayList<>();
  private TestNode target;
  private TestNode rogue;

  @BeforeEach
  void nodes() throws Exception {
    GraphsyncOptions options =
        GraphsyncOptions.defaults().toBuilder()
            .validation(RequestValidation.ALL)
            .partialMessageTimeout(Duration.ofMillis(300))
            .build();
    target = network.node(new InMemoryBlockstore(), options);
    rogue = network.node(new InMemoryBlockstore(), options);
    target.graphsync().hooks().onReceiverNetworkError((peer, error) -> errors.add(error));
  }

  @AfterEach
  void stop() {
    network.close();
  }

  private Stream rawStream() throws Exception {
    return rogue
        .host()
        .newStream(target.host().peerId(), List.of(Graphsync.PROTOCOL_ID))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static void write(Stream stream, byte[] bytes) throws Exception {
    stream.write(ByteBuffer.wrap(bytes)).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static byte[] framed(byte[] body) {
    byte[] prefix = FrameDecoder.lengthPrefix(body.length);
    byte[] frame = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, frame, 0, prefix.length);
    System.arraycopy(body, 0, frame, prefix.length, body.length);
    return frame;
  }

  private void awaitError(String problem) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(errors)
                    .anySatisfy(
                        e -> assertThat(e.getMessage() + " " + e.getCause()).contains(problem)));
  }

  /** The target still pulls a DAG from the rogue peer afterwards. */
  private void targetStillWorks() throws Exception {
    ImportResult dag = Dags.importFile(rogue.store(), Dags.randomBytes(50_000, 31), Dags.NARROW);
    var result =
        target
            .pull(rogue, dag.root())
            .result()
            .toCompletableFuture()
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
  }

  @Test
  void oversizedMessageIsRejectedFromItsLengthPrefix() throws Exception {
    Stream stream = rawStream();
    write(stream, FrameDecoder.lengthPrefix(GraphsyncMessageCodec.MAX_MESSAGE_BYTES + 1));

    awaitError("over the limit of 4194304");
    targetStillWorks();
  }

  @Test
  void malformedProtobufResetsTheStream() throws Exception {
    write(rawStream(), framed(HexFormat.of().parseHex("12ff")));

    awaitError("malformed graphsync message");
    targetStillWorks();
  }

  @Test
  void responseToNoRequestAndABlockNobodyAskedForAreIgnored() throws Exception {
    Block stray = Block.of(Multicodec.RAW, new byte[] {1, 2, 3});
    GraphsyncMessage message =
        new GraphsyncMessage(
            List.of(),
            List.of(
                new GraphsyncResponse(
                    999,
                    ResponseStatusCode.REQUEST_COMPLETED_FULL,
                    Extensions.of(
                        ExtensionNames.RESPONSE_METADATA,
                        ResponseMetadata.encode(List.of(new LinkMetadata(stray.cid(), true)))))),
            List.of(stray));

    Logger requesterLog = (Logger) LoggerFactory.getLogger(RequesterPeer.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    requesterLog.addAppender(logged);
    try {
      write(rawStream(), framed(GraphsyncMessageCodec.encode(message)));

      await().atMost(WAIT).until(() -> target.graphsync().stats().unexpectedBlocks() == 1);
    } finally {
      requesterLog.detachAppender(logged);
    }
    assertThat(target.store().has(stray.cid())).isFalse();
    assertThat(errors).isEmpty();
    assertThat(logged.list)
        .as("a warning that names the peer")
        .anySatisfy(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage())
                  .contains(rogue.host().peerId().toString(), "no request expected");
            });
    targetStillWorks();
  }

  @Test
  void cancelAndUpdateForUnknownRequestsAreIgnored() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    target.graphsync().hooks().onRequestorCancelled((p, r) -> calls.add("cancelled"));
    target.graphsync().hooks().onRequestUpdated((p, r, u, a) -> calls.add("updated"));

    write(
        rawStream(),
        framed(
            GraphsyncMessageCodec.encode(
                GraphsyncMessage.ofRequests(
                    new CancelRequest(77), new UpdateRequest(78, Extensions.none())))));

    await().atMost(WAIT).until(() -> target.graphsync().stats().messagesReceived() == 1);
    targetStillWorks();
    assertThat(calls).isEmpty();
    assertThat(errors).isEmpty();
  }

  @Test
  void messageThatNeverArrivesInFullTimesOut() throws Exception {
    Stream stream = rawStream();
    write(stream, FrameDecoder.lengthPrefix(100));
    write(stream, new byte[10]);

    awaitError("did not arrive in full");
  }

  @Test
  void streamClosedInsideAMessageIsReported() throws Exception {
    Stream stream = rawStream();
    write(stream, FrameDecoder.lengthPrefix(100));
    write(stream, new byte[10]);
    stream.closeWrite().toCompletableFuture().get(10, TimeUnit.SECONDS);

    awaitError("ended inside a message");
  }
}
