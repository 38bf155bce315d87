package io.dt4j.libp2p.multiaddr;

import io.dt4j.api.PeerId;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A multiaddr (libp2p.md §2): a sequence of {@code /protocol/value} components with a string form
 * and a binary form, {@code uvarint(code) · value} per component, where variable-size values carry
 * a uvarint length prefix. Immutable; {@link #parse} and {@link #toString} round-trip, as do {@link
 * #fromBytes} and {@link #toBytes}.
 *
 * <pre>
 *   /ip4/127.0.0.1/tcp/4001  =  04 7f000001  06 0fa1
 * </pre>
 *
 * <p>Only ip4, ip6, dns, dns4, dns6, tcp and p2p are known. An address with any other protocol is
 * rejected as a whole: in binary form the length of an unknown value is unknown, so nothing after
 * it could be read anyway.
 */
public final class Multiaddr {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
  private static final int MAX_VALUE_LENGTH = 1024;

  private final List<Component> components;

  private Multiaddr(List<Component> components) {
    this.components = List.copyOf(components);
  }

  /**
   * Parses the string form.
   *
   * @param text e.g. {@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...}
   * @return the multiaddr
   * @throws MalformedMultiaddrException naming the text and the bad part
   */
  public static Multiaddr parse(String text) {
    if (!text.startsWith("/")) {
      throw new MalformedMultiaddrException("multiaddr '" + text + "' must start with '/'");
    }
    String[] parts = text.substring(1).split("/", -1);
    List<Component> components = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      String name = parts[i];
      if (name.isEmpty() && i == parts.length - 1 && i > 0) {
        break; // one trailing slash is tolerated, as in go/js
      }
      Protocol protocol =
          Protocol.byName(name)
              .orElseThrow(
                  () ->
                      new MalformedMultiaddrException(
                          "multiaddr '" + text + "': unknown protocol '" + name + "'"));
      if (i + 1 >= parts.length || parts[i + 1].isEmpty()) {
        throw new MalformedMultiaddrException(
            "multiaddr '" + text + "': protocol '" + name + "' needs a value");
      }
      components.add(new Component(protocol, valueFromString(protocol, parts[i + 1], text)));
      i += 2;
    }
    if (components.isEmpty()) {
      throw new MalformedMultiaddrException("multiaddr '" + text + "' is empty");
    }
    return new Multiaddr(components);
  }

  /**
   * Decodes the binary form.
   *
   * @param bytes the whole binary multiaddr
   * @return the multiaddr
   * @throws MalformedMultiaddrException if truncated, unknown protocol code, or invalid value
   */
  public static Multiaddr fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<Component> components = new ArrayList<>();
    try {
      while (in.hasRemaining()) {
        int at = in.position();
        long code = Varint.read(in);
        Protocol protocol =
            Protocol.byCode(code)
                .orElseThrow(
                    () ->
                        new MalformedMultiaddrException(
                            "binary multiaddr: unknown protocol code "
                                + code
                                + " at offset "
                                + at));
        int length = protocol.size() == Protocol.VARIABLE ? lengthPrefix(in) : protocol.size();
        if (length > in.remaining()) {
          throw new MalformedMultiaddrException(
              "binary multiaddr: " + protocol.protocolName() + " value truncated at offset " + at);
        }
        byte[] value = new byte[length];
        in.get(value);
        checkBinaryValue(protocol, value);
        components.add(new Component(protocol, value));
      }
    } catch (MalformedIpldException e) {
      throw new MalformedMultiaddrException("binary multiaddr: " + e.getMessage(), e);
    }
    if (components.isEmpty()) {
      throw new MalformedMultiaddrException("binary multiaddr is empty");
    }
    return new Multiaddr(components);
  }

  /**
   * Returns {@code /ip4/<addr>/tcp/<port>} or {@code /ip6/<addr>/tcp/<port>} of a socket address.
   *
   * @param address a resolved socket address
   * @return the multiaddr
   */
  public static Multiaddr fromSocketAddress(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip == null) {
      throw new MalformedMultiaddrException("socket address " + address + " is unresolved");
    }
    Protocol family = ip instanceof Inet4Address ? Protocol.IP4 : Protocol.IP6;
    int port = address.getPort();
    return new Multiaddr(
        List.of(
            new Component(family, ip.getAddress()),
            new Component(Protocol.TCP, new byte[] {(byte) (port >> 8), (byte) port})));
  }

  /** Returns the components in order. */
  public List<Component> components() {
    return components;
  }

  /** Returns the peer id of the last {@code /p2p} component, if any. */
  public Optional<PeerId> peerId() {
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).protocol() == Protocol.P2P) {
        return Optional.of(PeerId.fromBytes(components.get(i).value()));
      }
    }
    return Optional.empty();
  }

  /**
   * Appends a {@code /p2p} component.
   *
   * @param peer the peer id
   * @return the new multiaddr
   */
  public Multiaddr withPeerId(PeerId peer) {
    List<Component> more = new ArrayList<>(components);
    more.add(new Component(Protocol.P2P, peer.toBytes()));
    return new Multiaddr(more);
  }

  /** Returns this address without a trailing {@code /p2p} component. */
  public Multiaddr withoutPeerId() {
    Component last = components.get(components.size() - 1);
    if (last.protocol() != Protocol.P2P || components.size() == 1) {
      return this;
    }
    return new Multiaddr(components.subList(0, components.size() - 1));
  }

  /**
   * Returns the TCP socket address of an {@code /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port>} prefix.
   * DNS names are left unresolved (no lookup happens here).
   *
   * @return the address
   * @throws MalformedMultiaddrException if the address does not start with a host and a TCP port
   */
  public InetSocketAddress toTcpSocketAddress() {
    if (components.size() < 2 || components.get(1).protocol() != Protocol.TCP) {
      throw new MalformedMultiaddrException("multiaddr " + this + " is not a TCP address");
    }
    Component host = components.get(0);
    int port = components.get(1).port();
    return switch (host.protocol()) {
      case IP4, IP6 -> new InetSocketAddress(host.inetAddress(), port);
      case DNS, DNS4, DNS6 -> InetSocketAddress.createUnresolved(host.valueString(), port);
      default ->
          throw new MalformedMultiaddrException(
              "multiaddr " + this + " does not start with an IP address or DNS name");
    };
  }

  /** Returns the binary form. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component c : components) {
      out.writeBytes(Varint.encode(c.protocol().code()));
      byte[] value = c.value();
      if (c.protocol().size() == Protocol.VARIABLE) {
        out.writeBytes(Varint.encode(value.length));
      }
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  private static int lengthPrefix(ByteBuffer in) {
    long length = Varint.read(in);
    if (length > MAX_VALUE_LENGTH) {
      throw new MalformedMultiaddrException(
          "binary multiaddr: value length " + length + " exceeds " + MAX_VALUE_LENGTH);
    }
    return (int) length;
  }

  private static void checkBinaryValue(Protocol protocol, byte[] value) {
    switch (protocol) {
      case P2P -> peerIdValue(value, "binary multiaddr");
      case DNS, DNS4, DNS6 ->
          hostName(new String(value, StandardCharsets.UTF_8), "binary multiaddr");
      default -> {}
    }
  }

  private static byte[] valueFromString(Protocol protocol, String value, String text) {
    String where = "multiaddr '" + text + "'";
    return switch (protocol) {
      case IP4 -> ip4(value, where);
      case IP6 -> ip6(value, where);
      case TCP -> port(value, where);
      case DNS, DNS4, DNS6 -> hostName(value, where).getBytes(StandardCharsets.UTF_8);
      case P2P -> {
        try {
          yield PeerId.parse(value).toBytes();
        } catch (IllegalArgumentException e) {
          throw new MalformedMultiaddrException(where + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private static byte[] ip4(String value, String where) {
    if (!IPV4.matcher(value).matches()) {
      throw new MalformedMultiaddrException(where + ": invalid IPv4 address '" + value + "'");
    }
    String[] octets = value.split("\\.");
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      out[i] = (byte) Integer.parseInt(octets[i]);
    }
    return out;
  }

  private static byte[] ip6(String value, String where) {
    // the pattern admits only literals, so getByName never does a name lookup
    if (!value.contains(":") || !IPV6.matcher(value).matches()) {
      throw new MalformedMultiaddrException(where + ": invalid IPv6 address '" + value + "'");
    }
    try {
      InetAddress address = InetAddress.getByName(value);
      if (address instanceof Inet6Address) {
        return address.getAddress();
      }
      byte[] mapped = new byte[16]; // the JDK turns ::ffff:a.b.c.d into an Inet4Address
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
      return mapped;
    } catch (UnknownHostException e) {
      throw new MalformedMultiaddrException(where + ": invalid IPv6 address '" + value + "'", e);
    }
  }

  private static byte[] port(String value, String where) {
    int port;
    try {
      port = value.matches("\\d{1,5}") ? Integer.parseInt(value) : -1;
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new MalformedMultiaddrException(where + ": invalid TCP port '" + value + "'");
    }
    return new byte[] {(byte) (port >> 8), (byte) port};
  }

  private static String hostName(String value, String where) {
    if (value.isEmpty() || value.length() > 255 || value.contains("/")) {
      throw new MalformedMultiaddrException(where + ": invalid DNS name '" + value + "'");
    }
    return value;
  }

  private static void peerIdValue(byte[] value, String where) {
    try {
      PeerId.fromBytes(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedMultiaddrException(where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr other && components.equals(other.components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  /** Returns the string form; {@code /ipfs/} is printed as {@code /p2p/}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Component c : components) {
      text.append(c);
    }
    return text.toString();
  }
}
