package io.dt4j.api;

import io.dt4j.api.host.Host;
import io.dt4j.ipld.Blockstore;
import java.util.Optional;

/** What a {@link TransportFactory} gets from the node to build a transport. */
public interface TransportContext {

  /** Returns the node's network host, through which the transport opens and accepts streams. */
  Host host();

  /** Returns the blockstore that data is read from and written to. */
  Blockstore blockstore();

  /**
   * Returns a configuration setting for the transport.
   *
   * @param key the setting's key, e.g. {@code graphsync.max-in-progress-requests}
   * @return the value, if configured
   */
  Optional<String> setting(String key);

  /**
   * Returns the codec for data-transfer messages carried inside the transport's messages.
   *
   * @return the node's codec
   */
  TransferMessageCodec messageCodec();
}
