package io.dt4j.graphsync.transport;

import io.dt4j.api.Transport;
import io.dt4j.api.TransportContext;
import io.dt4j.api.TransportFactory;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.engine.GraphsyncEngine;
import org.pf4j.Extension;

/**
 * Makes the {@link GraphsyncTransport} of a node, selected by the name {@value #NAME}: a graphsync
 * engine on the node's host and blockstore. Settings: {@code graphsync.threads} and {@code
 * graphsync.max-in-progress-responses} (per peer); the rest are graphsync's defaults.
 */
@Extension
public final class GraphsyncTransportFactory implements TransportFactory {
  /** The name configuration selects this transport by. */
  public static final String NAME = "graphsync";

  /** Creates the factory (PF4J and ServiceLoader need a public no-argument constructor). */
  public GraphsyncTransportFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(TransportContext context) {
    GraphsyncOptions.Builder options = GraphsyncOptions.defaults().toBuilder();
    context.setting("graphsync.threads").map(Integer::parseInt).ifPresent(options::threads);
    context
        .setting("graphsync.max-in-progress-responses")
        .map(Integer::parseInt)
        .ifPresent(options::maxInProgressResponses);
    GraphsyncEngine engine =
        GraphsyncEngine.start(context.host(), context.blockstore(), options.build());
    return new GraphsyncTransport(engine, context.messageCodec());
  }
}
