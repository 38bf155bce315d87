package io.dt4j.libp2p.multiaddr;

import java.util.Optional;

/**
 * The multiaddr protocols this node understands (libp2p.md §2). Value sizes: a fixed number of
 * bytes, {@link #VARIABLE} (uvarint length prefix), or 0 (no value).
 */
public enum Protocol {
  /** IPv4 address, 4 bytes. */
  IP4(4, "ip4", 4),
  /** TCP port, 2 bytes big-endian. */
  TCP(6, "tcp", 2),
  /** IPv6 address, 16 bytes. */
  IP6(41, "ip6", 16),
  /** DNS name, any address family. */
  DNS(53, "dns", Protocol.VARIABLE),
  /** DNS name resolving to IPv4. */
  DNS4(54, "dns4", Protocol.VARIABLE),
  /** DNS name resolving to IPv6. */
  DNS6(55, "dns6", Protocol.VARIABLE),
  /** Peer id (multihash bytes); {@code /ipfs/} is accepted as an alias on input. */
  P2P(421, "p2p", Protocol.VARIABLE);

  /** Value size marker: uvarint length prefix. */
  public static final int VARIABLE = -1;

  private final int code;
  private final String protocolName;
  private final int size;

  Protocol(int code, String protocolName, int size) {
    this.code = code;
    this.protocolName = protocolName;
    this.size = size;
  }

  /** Returns the multicodec code. */
  public int code() {
    return code;
  }

  /** Returns the name used in the string form. */
  public String protocolName() {
    return protocolName;
  }

  /** Returns the value size in bytes, or {@link #VARIABLE}. */
  public int size() {
    return size;
  }

  static Optional<Protocol> byCode(long code) {
    for (Protocol p : values()) {
      if (p.code == code) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static Optional<Protocol> byName(String name) {
    if (name.equals("ipfs")) {
      return Optional.of(P2P);
    }
    for (Protocol p : values()) {
      if (p.protocolName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
