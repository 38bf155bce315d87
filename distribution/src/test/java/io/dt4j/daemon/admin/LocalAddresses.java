package io.dt4j.daemon.admin;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** This machine's addresses, for tests of the admin API's loopback rule. */
public final class LocalAddresses {
  private LocalAddresses() {}

  /**
   * Returns an IPv4 address of this machine that is not loopback: a request to it from this machine
   * arrives from it, which is how the tests make a non-loopback client.
   *
   * @return the address, if the machine has one
   */
  public static Optional<InetAddress> nonLoopback() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(LocalAddresses::usable)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean usable(NetworkInterface i) {
    try {
      return i.isUp() && !i.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
