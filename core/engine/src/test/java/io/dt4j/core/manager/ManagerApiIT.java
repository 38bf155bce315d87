package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CANCEL;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.RECEIVE_DATA_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.EventCode;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.HandlerAlreadySetException;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.Transport;
import io.dt4j.api.UnsupportedByTransportException;
import io.dt4j.core.channels.InMemoryChannelStore;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.core.network.DataTransferNetwork;
import io.dt4j.core.testing.BlockGate;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The Manager API's answers around the flows (data-transfer.md §7): unknown channels, commands a
 * node may not give, a transport that cannot pause, closing in each non-terminal status and when
 * the peer is gone, restarting an ended channel, and the list of channels.
 */
class ManagerApiIT {

  private static Throwable failureOf(CompletionStage<?> stage) {
    try {
      Scenario.get(stage);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void unknownChannelsAreReportedAsNotFound() throws Exception {
    try (Scenario s = Scenario.start(Direction.PULL)) {
      ChannelId unknown = new ChannelId(s.alice.peerId(), s.bob.peerId(), new TransferId(9));

      assertThat(s.alice.manager.transferChannelStatus(unknown))
          .isEqualTo(Status.CHANNEL_NOT_FOUND_ERROR);
      assertThatThrownBy(() -> s.alice.manager.channelState(unknown))
          .isInstanceOf(ChannelNotFoundException.class)
          .hasMessage("channel not found: " + unknown);
      assertThat(failureOf(s.alice.manager.closeDataTransferChannel(unknown)))
          .isInstanceOf(ChannelNotFoundException.class);
      assertThat(failureOf(s.alice.manager.pauseDataTransferChannel(unknown)))
          .isInstanceOf(ChannelNotFoundException.class);
      assertThat(failureOf(s.alice.manager.restartDataTransferChannel(unknown)))
          .isInstanceOf(ChannelNotFoundException.class);
      assertThat(failureOf(s.alice.manager.sendVoucher(unknown, new TestVoucher("d", 1))))
          .isInstanceOf(ChannelNotFoundException.class);
    }
  }

  @Test
  void onlyTheInitiatorSendsVouchers() throws Exception {
    try (Scenario s = Scenario.start(Direction.PULL)) {
      ChannelId chid = s.open("paused-17");
      s.bob.events.awaitStatus(chid, Status.RESPONDER_PAUSED);

      assertThat(failureOf(s.bob.manager.sendVoucher(chid, new TestVoucher("d", 1))))
          .hasMessage("cannot send voucher for request we did not initiate");
    }
  }

  @Test
  void aTransportThatCannotPauseMakesPauseAndResumeUnsupported() throws Exception {
    try (Scenario s = Scenario.start(Direction.PULL);
        RawPeer carol = new RawPeer()) {
      DataTransferManager manager = managerWithoutPause(s, carol);
      ChannelId any = new ChannelId(s.alice.peerId(), s.bob.peerId(), new TransferId(1));
      try {
        assertThat(failureOf(manager.pauseDataTransferChannel(any)))
            .isInstanceOf(UnsupportedByTransportException.class)
            .hasMessageStartingWith("unsupported");
        assertThat(failureOf(manager.resumeDataTransferChannel(any)))
            .isInstanceOf(UnsupportedByTransportException.class);
      } finally {
        Scenario.get(manager.stop());
      }
    }
  }

  /** A manager on Carol's host (taking over her handlers) whose transport cannot pause. */
  private static DataTransferManager managerWithoutPause(Scenario s, RawPeer carol)
      throws Exception {
    Transport plain = new PlainTransport(s.hub.attach(carol.peerId(), new InMemoryBlockstore()));
    DataTransferNetwork network =
        new DataTransferNetwork(
            carol.host,
            ScenarioNode.NETWORK,
            Executors.newSingleThreadScheduledExecutor(),
            Executors.newCachedThreadPool(),
            RandomGenerator.of("L64X128MixRandom"));
    DataTransferManager manager =
        new DataTransferManager(ManagerOptions.of(network, plain, new InMemoryChannelStore()));
    List<Optional<Throwable>> ready = new CopyOnWriteArrayList<>();
    manager.onReady(ready::add);
    Scenario.get(manager.start());
    assertThat(ready).containsExactly(Optional.empty());
    return manager;
  }

  @Test
  void closingWorksWhileRequestedPausedAndFinalizing() throws Exception {
    try (Scenario s = Scenario.start(Direction.PUSH);
        RawPeer silent = new RawPeer()) {
      silent.meet(s.alice);
      ChannelId requested =
          Scenario.get(
              s.alice.manager.openPushDataChannel(
                  silent.peerId(), new TestVoucher("d", 1), s.dag.root(), Selectors.EXPLORE_ALL));
      s.alice.opened();
      assertThat(s.alice.manager.transferChannelStatus(requested)).isEqualTo(Status.REQUESTED);
      Scenario.get(s.alice.manager.closeDataTransferChannel(requested));
      s.alice.events.awaitStatus(requested, Status.CANCELLED);

      ChannelId paused = s.open("paused-18");
      s.alice.events.awaitStatus(paused, Status.RESPONDER_PAUSED);
      Scenario.get(s.bob.manager.closeDataTransferChannel(paused));
      assertEndsCancelled(s, paused);

      s.bob.revalidator.finalVoucher();
      ChannelId finalizing = s.open("deal-19");
      s.bob.events.awaitStatus(finalizing, Status.FINALIZING);
      s.alice.events.awaitStatus(finalizing, Status.RESPONDER_FINALIZING_TRANSFER_FINISHED);
      Scenario.get(s.bob.manager.closeDataTransferChannel(finalizing));
      assertEndsCancelled(s, finalizing);
    }
  }

  private static void assertEndsCancelled(Scenario s, ChannelId chid) {
    for (ScenarioNode node : List.of(s.alice, s.bob)) {
      node.events.awaitStatus(chid, Status.CANCELLED);
      List<EventCode> codes = node.events.codes(chid);
      assertThat(codes.subList(codes.size() - 2, codes.size()))
          .as(node + "'s last events")
          .containsExactly(CANCEL, CLEANUP_COMPLETE);
    }
  }

  @Test
  void closingAChannelWhosePeerIsGoneCancelsItLocallyAndReportsTheUnsentMessage() throws Exception {
    try (Scenario s = Scenario.start(Direction.PULL)) {
      BlockGate gate = s.holdNextAfter(3);
      ChannelId chid = s.open("deal-20");
      gate.awaitHeld(EventLog.TIMEOUT);
      s.hub.disconnect(s.alice.peerId(), s.bob.peerId());
      s.bob.host.close();
      s.alice.events.awaitEvent(chid, RECEIVE_DATA_ERROR);

      CompletionStage<Void> close = s.alice.manager.closeDataTransferChannel(chid);

      s.alice.events.awaitStatus(chid, Status.CANCELLED);
      assertThat(failureOf(close))
          .hasMessageStartingWith(
              "unable to send cancel message for channel " + chid + " to peer " + s.bob.peerId());
      List<EventCode> codes = s.alice.events.codes(chid);
      assertThat(codes.subList(codes.size() - 3, codes.size()))
          .containsExactly(RECEIVE_DATA_ERROR, CANCEL, CLEANUP_COMPLETE);
    }
  }

  @Test
  void anEndedChannelIsNotRestartedAndStaysListed() throws Exception {
    try (Scenario s = Scenario.start(Direction.PULL)) {
      ChannelId chid = s.open("deal-21");
      s.alice.events.awaitStatus(chid, Status.COMPLETED);
      int events = s.alice.events.codes(chid).size();

      Scenario.get(s.alice.manager.restartDataTransferChannel(chid));

      assertThat(s.alice.events.codes(chid)).hasSize(events);
      assertThat(s.alice.manager.inProgressChannels()).containsOnlyKeys(chid);
      assertThat(s.alice.manager.inProgressChannels().get(chid).status())
          .isEqualTo(Status.COMPLETED);
    }
  }

  /** A transport without pause and resume, around a hub transport. */
  private record PlainTransport(Transport inner) implements Transport {
    @Override
    public CompletionStage<Void> openChannel(
        PeerId dataSender,
        ChannelId channelId,
        Cid root,
        Node selector,
        Set<Cid> doNotSendCids,
        TransferMessage message) {
      return inner.openChannel(dataSender, channelId, root, selector, doNotSendCids, message);
    }

    @Override
    public CompletionStage<Void> closeChannel(ChannelId channelId) {
      return inner.closeChannel(channelId);
    }

    @Override
    public void setEventHandler(EventsHandler handler) throws HandlerAlreadySetException {
      inner.setEventHandler(handler);
    }

    @Override
    public void cleanupChannel(ChannelId channelId) {
      inner.cleanupChannel(channelId);
    }

    @Override
    public CompletionStage<Void> shutdown() {
      return inner.shutdown();
    }
  }
}
