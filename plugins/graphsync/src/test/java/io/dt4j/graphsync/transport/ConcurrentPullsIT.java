package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many small pulls at once between two managers over graphsync all end. For a pull the responder's
 * Accept travels with the graphsync response while its Complete comes on dt-net, so the initiator
 * may see the Complete first (data-transfer.md §5.9); such a channel must still complete, as in Go.
 */
class ConcurrentPullsIT {
  private static final int PULLS = 200;

  private TransferNode sender;
  private TransferNode recipient;
  private TestFile file;

  @BeforeEach
  void start() throws Exception {
    file = TestFile.random(1024, 7);
    sender = new TransferNode("sender", file.store());
    recipient = new TransferNode("recipient", new InMemoryBlockstore());
    sender.knows(recipient);
  }

  @AfterEach
  void stop() throws Exception {
    recipient.close();
    sender.close();
  }

  @Test
  void twoHundredConcurrentSmallPullsAllComplete() throws Exception {
    List<CompletableFuture<ChannelId>> opening = new ArrayList<>();
    for (int i = 0; i < PULLS; i++) {
      opening.add(
          recipient
              .manager
              .openPullDataChannel(
                  sender.host.peerId(), TransferNode.VOUCHER, file.root(), Selectors.EXPLORE_ALL)
              .toCompletableFuture());
    }
    List<ChannelId> channels = new ArrayList<>();
    for (CompletableFuture<ChannelId> open : opening) {
      channels.add(open.get(30, TimeUnit.SECONDS));
    }

    Awaitility.await("all " + PULLS + " pulls end")
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () ->
                assertThat(statusCounts(channels))
                    .as("recipient statuses")
                    .isEqualTo(Map.of(Status.COMPLETED, (long) PULLS)));
    for (ChannelId chid : channels) {
      sender.awaitStatus(chid, Status.COMPLETED);
    }
    assertThat(file.sameBlocksIn(recipient.blocks)).isTrue();
  }

  private Map<Status, Long> statusCounts(List<ChannelId> channels) {
    return channels.stream()
        .map(recipient.manager::transferChannelStatus)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
