package io.dt4j.daemon;

import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.network.DataTransferNetwork;

/**
 * Makes a node's {@link Transfers} once its other parts run. {@link #MANAGER} is the node's: the
 * data-transfer manager over the node's store, network and configured transport, or, without a
 * transport plugin, {@link #STORED}: the channel store, read-only, and a network that logs and
 * drops messages. Tests pass scripted ones.
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
   * The data-transfer manager with the transport the configured {@link
   * io.dt4j.api.TransportFactory} makes from the node's host and block store; {@link #STORED} if no
   * plugin contributes that transport (pulls and pushes then fail with {@link
   * NoTransportException}).
   */
  TransfersFactory MANAGER =
      (node, store, network) ->
          node.transport().isEmpty()
              ? STORED.create(node, store, network)
              : ManagerTransfers.start(
                  node,
                  store,
                  network,
                  node.transport()
                      .get()
                      .create(
                          new NodeTransportContext(
                              node.host(), node.blockstore(), node.config().transportSettings())));

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
