package io.dt4j.graphsync.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.message.CancelRequest;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.protobuf.FrameDecoder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching within the budget (graphsync spec §1), response entries (§3.2) and send retries. */
class MessageQueueTest {
  private static final NewRequest REQUEST =
      new NewRequest(
          5,
          Block.of(Multicodec.RAW, new byte[] {0}).cid(),
          Selectors.EXPLORE_ALL,
          0,
          Extensions.none());

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final FakeHost host = new FakeHost();
  private final List<SentMessage> sent = new ArrayList<>();
  private final List<Exception> failures = new ArrayList<>();

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private MessageQueue queue(GraphsyncOptions options) {
    return new MessageQueue(
        FakeHost.PEER,
        host,
        tasks::add,
        timers,
        options,
        new Counters(),
        new MessageQueue.Listener() {
          @Override
          public void messageSent(SentMessage message) {
            sent.add(message);
          }

          @Override
          public void messageFailed(SentMessage message, Exception error) {
            failures.add(error);
          }
        });
  }

  private void drain() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }

  private static Block block(int size, int seed) {
    byte[] data = new byte[size];
    data[0] = (byte) seed;
    data[size - 1] = (byte) (seed >> 8);
    return Block.of(Multicodec.RAW, data);
  }

  private static ResponseOperation blockOperation(Block block) {
    return new ResponseOperation(
        REQUEST,
        Optional.of(new LinkMetadata(block.cid(), true)),
        Optional.of(block),
        block.data().length,
        Extensions.none(),
        Optional.empty());
  }

  private List<GraphsyncMessage> writtenMessages() throws Exception {
    // each message is written as its length prefix, then its body in segments (large blocks apart)
    List<byte[]> bodies = new ArrayList<>();
    FrameDecoder framer = new FrameDecoder(GraphsyncMessageCodec.MAX_MESSAGE_BYTES);
    for (byte[] write : host.written) {
      framer.decode(ByteBuffer.wrap(write), bodies::add);
    }
    assertThat(framer.hasPartialFrame()).isFalse();
    List<GraphsyncMessage> messages = new ArrayList<>();
    for (byte[] body : bodies) {
      messages.add(GraphsyncMessageCodec.decode(body));
    }
    return messages;
  }

  @Test
  void blocksAreBatchedWithinTheBudgetAndNeverSplit() throws Exception {
    MessageQueue queue = queue(GraphsyncOptions.defaults());
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      blocks.add(block(200 << 10, i));
      queue.addOperation(blockOperation(blocks.get(i)));
    }
    queue.addOperation(
        ResponseOperation.status(
            REQUEST, Extensions.none(), Optional.of(ResponseStatusCode.REQUEST_COMPLETED_FULL)));
    drain();

    List<GraphsyncMessage> messages = writtenMessages();
    // 2 x 200 KiB fit a 512 KiB message, a third does not; the status joins the last one
    assertThat(messages).extracting(m -> m.blocks().size()).containsExactly(2, 2, 1);
    for (GraphsyncMessage message : messages) {
      GraphsyncResponse response = message.responses().get(0);
      List<Cid> listed =
          ResponseMetadata.decode(
                  response.extensions().get(ExtensionNames.RESPONSE_METADATA).orElseThrow())
              .stream()
              .map(LinkMetadata::link)
              .toList();
      assertThat(listed)
          .containsExactlyElementsOf(message.blocks().stream().map(Block::cid).toList());
    }
    assertThat(messages.get(2).responses().get(0).status())
        .isEqualTo(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(messages.get(1).responses().get(0).status())
        .isEqualTo(ResponseStatusCode.PARTIAL_RESPONSE);
    assertThat(sent).hasSize(3);
  }

  @Test
  void aBlockOverTheBudgetTravelsAlone() throws Exception {
    MessageQueue queue = queue(GraphsyncOptions.defaults());
    queue.addOperation(blockOperation(block(100, 1)));
    queue.addOperation(blockOperation(block(100, 2)));
    queue.addOperation(blockOperation(block(700 << 10, 3)));
    queue.addOperation(blockOperation(block(100, 4)));
    drain();

    assertThat(writtenMessages()).extracting(m -> m.blocks().size()).containsExactly(2, 1, 1);
  }

  @Test
  void statusOnlyAndRequestEntriesJoinThePendingMessage() throws Exception {
    MessageQueue queue = queue(GraphsyncOptions.defaults());
    host.failOpens.set(1); // the first open fails, so everything waits for the retry
    queue.addRequest(new CancelRequest(1));
    queue.addOperation(blockOperation(block(100, 1)));
    queue.addOperation(
        ResponseOperation.status(
            REQUEST,
            Extensions.of("x", new byte[] {1}),
            Optional.of(ResponseStatusCode.REQUEST_PAUSED)));
    queue.addRequest(new CancelRequest(2));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              drain();
              return host.written.size() >= 2;
            });

    List<GraphsyncMessage> messages = writtenMessages();
    assertThat(messages).hasSize(1);
    GraphsyncMessage message = messages.get(0);
    assertThat(message.requests()).containsExactly(new CancelRequest(1), new CancelRequest(2));
    assertThat(message.responses())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(ResponseStatusCode.REQUEST_PAUSED);
              assertThat(r.extensions().get("x")).hasValue(new byte[] {1});
            });
  }

  @Test
  void aSecondEntryForTheSameRequestIdStartsANewMessage() throws Exception {
    MessageQueue queue = queue(GraphsyncOptions.defaults());
    host.failOpens.set(1);
    queue.addRequest(new CancelRequest(3));
    queue.addRequest(REQUEST.withExtensions(Extensions.none()));
    queue.addRequest(new CancelRequest(5));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              drain();
              return host.written.size() >= 4;
            });

    assertThat(writtenMessages())
        .extracting(GraphsyncMessage::requests)
        .containsExactly(List.of(new CancelRequest(3), REQUEST), List.of(new CancelRequest(5)));
  }

  @Test
  void failedWriteIsRetriedOnANewStream() throws Exception {
    MessageQueue queue =
        queue(GraphsyncOptions.defaults().toBuilder().sendAttempts(3, Duration.ZERO).build());
    host.failWrites.set(4); // two attempts, each a prefix and a body write
    queue.addOperation(blockOperation(block(100, 1)));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              drain();
              return sent.size() == 1;
            });

    assertThat(host.streams).hasSize(3);
    assertThat(host.streams.subList(0, 2)).allMatch(stream -> stream.reset);
    assertThat(failures).isEmpty();
  }

  @Test
  void aResponseThatWroteOnAStreamThatDiedDoesNotGoOnOverTheNext() throws Exception {
    NewRequest other =
        new NewRequest(6, REQUEST.root(), Selectors.EXPLORE_ALL, 0, Extensions.none());
    MessageQueue queue =
        queue(GraphsyncOptions.defaults().toBuilder().sendAttempts(3, Duration.ZERO).build());
    Block first = block(100, 1);
    queue.addOperation(blockOperation(first));
    await().atMost(Duration.ofSeconds(10)).until(() -> drained(() -> sent.size() == 1));

    // the first block reached only the local socket: the stream dies with the next message
    host.failWrites.set(2);
    Block second = block(100, 2);
    Block third = block(100, 3);
    queue.addOperation(blockOperation(second));
    queue.addOperation(
        new ResponseOperation(
            other,
            Optional.of(new LinkMetadata(third.cid(), true)),
            Optional.of(third),
            100,
            Extensions.none(),
            Optional.empty()));
    await().atMost(Duration.ofSeconds(10)).until(() -> drained(() -> sent.size() == 2));

    assertThat(failures).hasSize(1);
    assertThat(writtenMessages())
        .flatExtracting(GraphsyncMessage::blocks)
        .extracting(Block::cid)
        .containsExactly(first.cid(), third.cid());
    assertThat(writtenMessages().get(1).responses())
        .extracting(GraphsyncResponse::id)
        .containsExactly(6);
  }

  private boolean drained(java.util.function.BooleanSupplier condition) {
    drain();
    return condition.getAsBoolean();
  }

  @Test
  void messageIsReportedFailedAfterTheLastAttempt() {
    MessageQueue queue =
        queue(GraphsyncOptions.defaults().toBuilder().sendAttempts(2, Duration.ZERO).build());
    host.failWrites.set(5);
    queue.addOperation(blockOperation(block(100, 1)));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              drain();
              return failures.size() == 1;
            });

    assertThat(sent).isEmpty();
    assertThat(queue.hasCapacity()).isTrue();
  }

  @Test
  void capacityFollowsTheBlockBytesQueuedAndInFlight() {
    GraphsyncOptions options =
        GraphsyncOptions.defaults().toBuilder().maxQueuedBytesPerPeer(600 << 10).build();
    MessageQueue queue = queue(options);
    host.failOpens.set(1);
    queue.addOperation(blockOperation(block(300 << 10, 1)));
    assertThat(queue.hasCapacity()).isTrue();
    queue.addOperation(blockOperation(block(300 << 10, 2)));
    assertThat(queue.hasCapacity()).isFalse();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              drain();
              return sent.size() == 2;
            });
    assertThat(queue.hasCapacity()).isTrue();
  }
}
