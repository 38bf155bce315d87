package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.hooks.IncomingRequestHook.IncomingRequestActions;
import io.dt4j.graphsync.hooks.OutgoingRequestHook.OutgoingRequestActions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.transport.TransferExtensions.NameList;
import io.dt4j.ipld.Blockstore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-channel blockstores (go-data-transfer's {@code UseStore}, data-transfer.md §6.3–6.4): a
 * channel given a store has it registered as the graphsync persistence option {@code
 * data-transfer-<chid>}, and every graphsync request of the channel, issued or served, reads and
 * writes that store instead of the node's. Cleanup unregisters it. Thread-safe.
 */
final class ChannelStores {
  /** Go's persistence option name prefix. */
  static final String OPTION_PREFIX = "data-transfer-";

  private final TransportCore core;
  private final Map<ChannelId, String> options = new ConcurrentHashMap<>();

  ChannelStores(TransportCore core) {
    this.core = core;
  }

  void register(GraphsyncHooks hooks) {
    hooks.onOutgoingRequest(this::outgoingRequest);
    hooks.onIncomingRequest(this::incomingRequest);
  }

  /**
   * Gives the channel its own store. A second call (a restart configures the channel again) swaps
   * the store, where Go's graphsync would refuse the duplicate option.
   */
  void use(ChannelId channelId, Blockstore store) {
    options.compute(
        channelId,
        (chid, old) -> {
          String name = OPTION_PREFIX + chid;
          if (old != null) {
            core.graphsync().unregisterPersistenceOption(old);
          }
          core.graphsync().registerPersistenceOption(name, store);
          return name;
        });
  }

  /** Forgets the channel's store, if it had one. */
  void forget(ChannelId channelId) {
    String name = options.remove(channelId);
    if (name != null) {
      core.graphsync().unregisterPersistenceOption(name);
    }
  }

  private void outgoingRequest(PeerId peer, NewRequest request, OutgoingRequestActions actions) {
    optionOf(request, peer, false).ifPresent(actions::usePersistenceOption);
  }

  private void incomingRequest(PeerId peer, NewRequest request, IncomingRequestActions actions) {
    optionOf(request, peer, true).ifPresent(actions::usePersistenceOption);
  }

  /** The option of the channel a request carries; malformed messages are the other hooks' job. */
  private Optional<String> optionOf(NewRequest request, PeerId peer, boolean received) {
    if (options.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<TransferMessage> message =
          core.extensions().decode(request.extensions(), NameList.SUPPORTED);
      return message.map(m -> options.get(core.channelOf(m, peer, received)));
    } catch (DataTransferException malformed) {
      return Optional.empty();
    }
  }
}
