package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.api.Transport;
import io.dt4j.api.TransportConfigurer;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.example.voucher.ExampleVoucher;
import io.dt4j.example.voucher.ExampleVoucherType;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link TransportConfigurer} gives each channel its own blockstore through {@link
 * GraphsyncTransport#useStore} (go-data-transfer's {@code UseStore}, data-transfer.md §6.3): both
 * sides of two pulls keep each deal's blocks apart, the nodes' own stores stay empty, and cleanup
 * releases the store.
 */
class ChannelStoresIT {
  private final TestFile fileA = TestFile.random(1 << 20, 1);
  private final TestFile fileB = TestFile.random(1 << 20, 2);
  private final Map<String, InMemoryBlockstore> senderStores =
      Map.of("deal-a", copy(fileA), "deal-b", copy(fileB));
  private final Map<String, InMemoryBlockstore> recipientStores =
      Map.of("deal-a", new InMemoryBlockstore(), "deal-b", new InMemoryBlockstore());
  private TransferNode sender;
  private TransferNode recipient;

  ChannelStoresIT() throws Exception {}

  @BeforeEach
  void start() throws Exception {
    sender = new TransferNode("sender", new InMemoryBlockstore());
    recipient = new TransferNode("recipient", new InMemoryBlockstore());
    sender.knows(recipient);
    sender.manager.registerTransportConfigurer(new ExampleVoucherType(), byDeal(senderStores));
    recipient.manager.registerTransportConfigurer(
        new ExampleVoucherType(), byDeal(recipientStores));
  }

  @AfterEach
  void stop() throws Exception {
    recipient.close();
    sender.close();
  }

  @Test
  void twoPullsLandInTheStoresTheirDealsChoseOnBothSides() throws Exception {
    ChannelId a = pull("deal-a", fileA);
    ChannelId b = pull("deal-b", fileB);

    for (ChannelId chid : new ChannelId[] {a, b}) {
      recipient.awaitStatus(chid, Status.COMPLETED);
      sender.awaitStatus(chid, Status.COMPLETED);
    }
    assertThat(fileA.sameBlocksIn(recipientStores.get("deal-a"))).isTrue();
    assertThat(fileB.sameBlocksIn(recipientStores.get("deal-b"))).isTrue();
    assertThat(recipient.blocks.cids()).as("the recipient's own store").isEmpty();
    assertThat(sender.blocks.cids()).as("the sender's own store").isEmpty();
  }

  @Test
  void cleanupOfACompletedChannelReleasesItsPersistenceOption() throws Exception {
    ChannelId chid = pull("deal-a", fileA);
    recipient.awaitStatus(chid, Status.COMPLETED);
    sender.awaitStatus(chid, Status.COMPLETED);

    // the name is free again once each side cleaned the channel up (§6.4 CleanupChannel)
    for (TransferNode node : new TransferNode[] {recipient, sender}) {
      String option = ChannelStores.OPTION_PREFIX + chid;
      Awaitility.await(node + " releases " + option)
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                node.transport
                    .graphsync()
                    .registerPersistenceOption(option, new InMemoryBlockstore());
                node.transport.graphsync().unregisterPersistenceOption(option);
              });
    }
  }

  private ChannelId pull(String deal, TestFile file) throws Exception {
    return recipient
        .manager
        .openPullDataChannel(
            sender.host.peerId(),
            new ExampleVoucher(deal, 1L << 40),
            file.root(),
            Selectors.EXPLORE_ALL)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /** Chooses the store named by the voucher's deal, as a storage market would per deal. */
  private static TransportConfigurer byDeal(Map<String, ? extends Blockstore> stores) {
    return new TransportConfigurer() {
      @Override
      public Set<TypeIdentifier> voucherTypes() {
        return Set.of(ExampleVoucher.TYPE);
      }

      @Override
      public void configure(ChannelId channelId, Voucher voucher, Transport transport) {
        Blockstore store = stores.get(((ExampleVoucher) voucher).dealRef());
        ((GraphsyncTransport) transport).useStore(channelId, store);
      }
    };
  }

  private static InMemoryBlockstore copy(TestFile file) {
    InMemoryBlockstore copy = new InMemoryBlockstore();
    file.store()
        .cids()
        .forEach(cid -> copy.put(new Block(cid, file.store().get(cid).orElseThrow())));
    return copy;
  }
}
