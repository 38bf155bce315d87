package io.dt4j.api;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: makes the {@link Transport} that moves the data of channels, such as graphsync.
 * The node's configuration selects a factory by {@link #name()}.
 */
public interface TransportFactory extends ExtensionPoint {

  /** Returns the name by which configuration selects this transport, e.g. {@code graphsync}. */
  String name();

  /**
   * Creates the transport for one node.
   *
   * @param context the node's host, blockstore and settings
   * @return a transport, not yet given an events handler
   */
  Transport create(TransportContext context);
}
