package io.dt4j.libp2p.transport;

/** Receives the inbound connections of a listener, on their event loops; must not block. */
@FunctionalInterface
public interface ConnectionHandler {

  /**
   * An inbound connection was upgraded.
   *
   * @param connection the connection
   */
  void onConnection(SecuredConnection connection);

  /**
   * An inbound connection failed its upgrade; it was already closed and logged.
   *
   * @param cause why
   */
  default void onUpgradeFailed(UpgradeException cause) {}
}
