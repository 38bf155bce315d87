package io.dt4j.core.plugins;

import io.dt4j.api.Transport;
import io.dt4j.api.TransportContext;
import io.dt4j.api.TransportFactory;

/**
 * A class-path extension, registered in this module's test {@code META-INF/services}: proves that
 * the plugin host finds {@link java.util.ServiceLoader} providers beside the plugin jars.
 */
public final class ClassPathTestTransport implements TransportFactory {
  /** The transport name it claims. */
  public static final String NAME = "classpath-test";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(TransportContext context) {
    throw new UnsupportedOperationException("only discovered in tests, never started");
  }
}
