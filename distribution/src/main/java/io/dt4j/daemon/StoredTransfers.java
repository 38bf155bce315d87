package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Subscription;
import io.dt4j.core.channels.ChannelStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The channels as the channel store holds them, for a node without a transport (so without a
 * data-transfer manager): they can be listed and shown, but nothing changes them, so there are no
 * events and every control fails with {@link TransfersUnavailableException}.
 */
public final class StoredTransfers implements Transfers {
  private final ChannelStore store;

  /**
   * @param store the node's channel store, owned by the node
   */
  public StoredTransfers(ChannelStore store) {
    this.store = store;
  }

  @Override
  public List<ChannelSnapshot> channels() {
    return store.all().stream().map(ChannelSnapshot::of).toList();
  }

  @Override
  public Subscription subscribe(Consumer<TransferEvent> listener) {
    return () -> {};
  }

  @Override
  public CompletionStage<ChannelId> open(NewTransfer transfer) {
    return unavailable();
  }

  @Override
  public CompletionStage<Void> pause(ChannelId channelId) {
    return unavailable();
  }

  @Override
  public CompletionStage<Void> resume(ChannelId channelId) {
    return unavailable();
  }

  @Override
  public CompletionStage<Void> cancel(ChannelId channelId) {
    return unavailable();
  }

  @Override
  public CompletionStage<Void> restart(ChannelId channelId) {
    return unavailable();
  }

  private static <T> CompletionStage<T> unavailable() {
    return CompletableFuture.failedFuture(
        new TransfersUnavailableException(
            "this node has no transport, so no data-transfer manager: channels can be listed, not"
                + " changed (install a transport plugin and restart the daemon)"));
  }

  @Override
  public void close() {
    // the store belongs to the node
  }
}
