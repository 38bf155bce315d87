package io.dt4j.daemon;

import java.nio.file.Path;

/**
 * The node has no transport to move data with: no plugin contributes the configured one. Pulls,
 * pushes and channel controls need one.
 */
public class NoTransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param transport the configured transport's name
   * @param pluginsDir the plugins folder
   */
  public NoTransportException(String transport, Path pluginsDir) {
    super(
        "no transport: install a transport plugin (e.g. "
            + transport
            + ") in "
            + pluginsDir
            + " and restart the daemon");
  }
}
