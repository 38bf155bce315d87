package io.dt4j.libp2p.multiaddr;

import io.dt4j.api.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One {@code /protocol/value} part of a {@link Multiaddr}. The value is held in its binary form
 * (without the length prefix of variable-size values); {@link #valueString()} is the text form.
 */
public final class Component {
  private final Protocol protocol;
  private final byte[] value;

  Component(Protocol protocol, byte[] value) {
    this.protocol = protocol;
    this.value = value;
  }

  /** Returns the protocol. */
  public Protocol protocol() {
    return protocol;
  }

  /** Returns a copy of the binary value. */
  public byte[] value() {
    return value.clone();
  }

  /** Returns the value in string form: dotted quad, RFC 5952 IPv6, port, host name, peer id. */
  public String valueString() {
    return switch (protocol) {
      case IP4, IP6 -> ipString();
      case TCP -> Integer.toString(port());
      case DNS, DNS4, DNS6 -> new String(value, StandardCharsets.UTF_8);
      case P2P -> PeerId.fromBytes(value).toBase58();
    };
  }

  int port() {
    return (value[0] & 0xff) << 8 | value[1] & 0xff;
  }

  InetAddress inetAddress() {
    try {
      return InetAddress.getByAddress(value);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address length was checked on construction", e);
    }
  }

  private String ipString() {
    if (protocol == Protocol.IP4) {
      return inetAddress().getHostAddress();
    }
    return Ipv6Text.format(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Component other
        && protocol == other.protocol
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return protocol.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "/" + protocol.protocolName() + "/" + valueString();
  }
}
