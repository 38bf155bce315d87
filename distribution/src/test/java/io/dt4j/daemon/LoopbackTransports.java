package io.dt4j.daemon;

import io.dt4j.api.Transport;
import io.dt4j.api.TransportContext;
import io.dt4j.api.TransportFactory;
import io.dt4j.core.testing.LoopbackTransportHub;

/**
 * A class-path transport for tests (registered in this module's test {@code META-INF/services}):
 * every node of this JVM configured with {@code transport=loopback} gets a transport of one shared
 * {@link LoopbackTransportHub}, so that in-JVM daemons run the real data-transfer manager between
 * each other without graphsync.
 */
public final class LoopbackTransports implements TransportFactory {
  /** The transport name it claims. */
  public static final String NAME = "loopback";

  /** The hub of every loopback transport in this JVM. */
  public static final LoopbackTransportHub HUB = new LoopbackTransportHub();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(TransportContext context) {
    return HUB.attach(context.host().peerId(), context.blockstore());
  }
}
