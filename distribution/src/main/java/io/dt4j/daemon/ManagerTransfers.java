package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Manager;
import io.dt4j.api.Subscription;
import java.time.Duration;
import java.util.List;
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
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Manager manager;
  private final VoucherTypes types;

  /**
   * @param manager the started manager; {@link #close()} stops it
   * @param types the voucher types, to show vouchers
   */
  public ManagerTransfers(Manager manager, VoucherTypes types) {
    this.manager = manager;
    this.types = types;
  }

  @Override
  public List<ChannelSnapshot> channels() {
    return manager.inProgressChannels().values().stream()
        .map(state -> ChannelSnapshot.of(state, types))
        .toList();
  }

  @Override
  public Subscription subscribe(Consumer<TransferEvent> listener) {
    return manager.subscribeToEvents(
        (event, state) ->
            listener.accept(new TransferEvent(event, ChannelSnapshot.of(state, types))));
  }

  @Override
  public CompletionStage<ChannelId> open(NewTransfer t) {
    return t.pull()
        ? manager.openPullDataChannel(t.peer(), t.voucher(), t.root(), t.selector())
        : manager.openPushDataChannel(t.peer(), t.voucher(), t.root(), t.selector());
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
      manager.stop().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("the data-transfer manager did not stop within {} s", STOP_TIMEOUT.toSeconds());
    } catch (ExecutionException e) {
      LOG.warn("the data-transfer manager stopped with an error: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
