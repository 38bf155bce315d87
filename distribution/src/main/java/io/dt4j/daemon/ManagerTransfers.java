package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelState;
import io.dt4j.api.Manager;
import io.dt4j.api.Subscription;
import io.dt4j.api.Transport;
import io.dt4j.api.Voucher;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.manager.DataTransferManager;
import io.dt4j.core.manager.ManagerOptions;
import io.dt4j.core.network.DataTransferNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The channels of a started {@link Manager}: the daemon's view of go-data-transfer's API. */
public final class ManagerTransfers implements Transfers {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerTransfers.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Manager manager;
  private final VoucherTypes types;
  private final Optional<Transport> transport;
  private final CreationTimes creationTimes;

  /**
   * @param manager the started manager; {@link #close()} stops it
   * @param types the voucher types, to show vouchers
   */
  public ManagerTransfers(Manager manager, VoucherTypes types) {
    this(manager, types, Optional.empty(), new CreationTimes(Optional.empty()));
  }

  private ManagerTransfers(
      Manager manager,
      VoucherTypes types,
      Optional<Transport> transport,
      CreationTimes creationTimes) {
    this.manager = manager;
    this.types = types;
    this.transport = transport;
    this.creationTimes = creationTimes;
  }

  /**
   * Builds the node's data-transfer manager over its network, store and transport, registers what
   * the plugins contribute (voucher types, validators, revalidators, transport configurers), and
   * starts it, with the node's channel monitor configuration.
   *
   * @param node the node, with its plugins and configuration
   * @param store the channel store, owned by the node
   * @param network the data-transfer network, not yet started; the manager starts and closes it
   * @param transport the transport, not yet given an events handler; the manager shuts it down
   * @return the transfers of the started manager
   * @throws NodeStartException if the manager cannot start
   */
  public static ManagerTransfers start(
      Dt4jNode node, ChannelStore store, DataTransferNetwork network, Transport transport) {
    ManagerOptions options =
        ManagerOptions.of(network, transport, store)
            .withValidatorTimeout(node.config().validatorTimeout())
            .withMaxChannelsPerPeer(node.config().limits().maxChannelsPerPeer());
    if (node.config().monitor().isPresent()) {
      options = options.withMonitor(node.config().monitor().get());
    }
    DataTransferManager manager = new DataTransferManager(options);
    for (String problem : manager.registerDiscovered(node.plugins())) {
      LOG.warn("plugin extension not registered: {}", problem);
    }
    ManagerTransfers transfers =
        new ManagerTransfers(
            manager,
            node.voucherTypes(),
            Optional.of(transport),
            new CreationTimes(Optional.of(store)));
    try {
      manager.start().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      transfers.close();
      Throwable cause = e.getCause();
      throw new NodeStartException(
          "cannot start the data-transfer manager: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      transfers.close();
      throw new NodeStartException("the data-transfer manager did not start: timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      transfers.close();
      throw new NodeStartException("interrupted while starting the data-transfer manager", e);
    }
    return transfers;
  }

  @Override
  public List<ChannelSnapshot> channels() {
    return manager.inProgressChannels().values().stream().map(this::snapshot).toList();
  }

  @Override
  public Map<String, Long> transportCounters(ChannelId channelId) {
    return transport.map(t -> t.channelCounters(channelId)).orElse(Map.of());
  }

  @Override
  public Subscription subscribe(Consumer<TransferEvent> listener) {
    return manager.subscribeToEvents(
        (event, state) -> listener.accept(new TransferEvent(event, snapshot(state))));
  }

  private ChannelSnapshot snapshot(ChannelState state) {
    return ChannelSnapshot.of(state, types, creationTimes.of(state.channelId()));
  }

  @Override
  public CompletionStage<ChannelId> open(NewTransfer t) {
    return t.pull()
        ? manager.openPullDataChannel(t.peer(), t.voucher(), t.root(), t.selector())
        : manager.openPushDataChannel(t.peer(), t.voucher(), t.root(), t.selector());
  }

  @Override
  public CompletionStage<Void> sendVoucher(ChannelId channelId, Voucher voucher) {
    return manager.sendVoucher(channelId, voucher);
  }

  @Override
  public CompletionStage<Void> pause(ChannelId channelId) {
    return manager.pauseDataTransferChannel(channelId);
  }

  @Override
  public CompletionStage<Void> resume(ChannelId channelId) {
    return manager.resumeDataTransferChannel(channelId);
  }

  @Override
  public CompletionStage<Void> cancel(ChannelId channelId) {
    return manager.closeDataTransferChannel(channelId);
  }

  @Override
  public CompletionStage<Void> restart(ChannelId channelId) {
    return manager.restartDataTransferChannel(channelId);
  }

  /** Stops the manager: transfers end, channels are persisted, peers are told. */
  @Override
  public void close() {
    try {
      manager.stop().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("the data-transfer manager did not stop within {} s", TIMEOUT.toSeconds());
    } catch (ExecutionException e) {
      LOG.warn("the data-transfer manager stopped with an error: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
