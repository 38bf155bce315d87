package io.dt4j.daemon;

import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.network.DataTransferNetwork;

/**
 * Makes a node's {@link Transfers} once its other parts run. {@link #STORED} is this build's: the
 * channel store, read-only, and a network that logs and drops messages. When the data-transfer
 * manager arrives, its factory starts the manager over the same store, network and transport, and
 * returns a {@link ManagerTransfers}; tests pass scripted ones.
 */
@FunctionalInterface
public interface TransfersFactory {

  /** The channels of the store; incoming messages are logged and dropped. */
  TransfersFactory STORED =
      (node, store, network) -> {
        network.start(new UnhandledMessages());
        return new StoredTransfers(store);
      };

  /**
   * Makes the transfers.
   *
   * @param node the node, with its plugins, block store, host and transport
   * @param store the channel store, owned by the node
   * @param network the data-transfer network, not yet started; the transfers start it
   * @return the transfers; the node closes them first when it stops
   */
  Transfers create(Dt4jNode node, ChannelStore store, DataTransferNetwork network);
}
