package io.dt4j.daemon;

import io.dt4j.api.TransferMessageCodec;
import io.dt4j.api.TransportContext;
import io.dt4j.api.host.Host;
import io.dt4j.core.messages.VersionedMessageCodec;
import io.dt4j.ipld.Blockstore;
import java.util.Map;
import java.util.Optional;

/**
 * What the node gives its transport plugin: its libp2p host, its block store, the transport's
 * settings and the data-transfer message codec (1.0 and 1.1) of the node.
 *
 * @param host the node's host
 * @param blockstore the node's block store
 * @param settings the transport's settings by key: the {@code transport.*} keys of {@code
 *     dt4j.conf} without that prefix; a key not set leaves the plugin's default
 */
public record NodeTransportContext(Host host, Blockstore blockstore, Map<String, String> settings)
    implements TransportContext {

  /** Copies the settings. */
  public NodeTransportContext {
    settings = Map.copyOf(settings);
  }

  @Override
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  @Override
  public TransferMessageCodec messageCodec() {
    return VersionedMessageCodec.INSTANCE;
  }
}
