package io.dt4j.libp2p.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.PeerId;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String ID = "12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN";
  private static final String ID_HEX =
      "0024080112203b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";

  /** libp2p.md §2, computed by js @multiformats/multiaddr 13.0.3. */
  @ParameterizedTest
  @CsvSource({
    "/ip4/127.0.0.1/tcp/4001, 047f000001060fa1",
    "/ip6/::1/tcp/4001, 2900000000000000000000000000000001060fa1",
    "/p2p/" + ID + ", a50326" + ID_HEX,
    "/ip4/127.0.0.1/tcp/4001/p2p/" + ID + ", 047f000001060fa1a50326" + ID_HEX,
    "/dns4/example.com/tcp/443, 360b6578616d706c652e636f6d0601bb",
    "/dns6/localhost/tcp/1, 36096c6f63616c686f7374060001",
  })
  void specExamplesRoundTrip(String text, String hex) {
    String expectedHex = text.startsWith("/dns6") ? "37" + hex.substring(2) : hex;
    Multiaddr fromText = Multiaddr.parse(text);
    assertThat(HEX.formatHex(fromText.toBytes())).isEqualTo(expectedHex);
    Multiaddr fromBytes = Multiaddr.fromBytes(HEX.parseHex(expectedHex));
    assertThat(fromBytes).isEqualTo(fromText);
    assertThat(fromBytes.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "/ip6/2001:0db8:0000:0000:0000:0000:0002:0001/tcp/1, /ip6/2001:db8::2:1/tcp/1",
    "/ip6/2001:db8:0:1:1:1:1:1/tcp/1, /ip6/2001:db8:0:1:1:1:1:1/tcp/1",
    "/ip6/2001:0:0:1:0:0:0:1/tcp/1, /ip6/2001:0:0:1::1/tcp/1",
    "/ip6/::/tcp/1, /ip6/::/tcp/1",
    "/ip4/10.0.0.1/tcp/1/ipfs/" + ID + ", /ip4/10.0.0.1/tcp/1/p2p/" + ID,
    "/ip4/10.0.0.1/tcp/1/, /ip4/10.0.0.1/tcp/1",
  })
  void stringFormIsCanonical(String input, String canonical) {
    assertThat(Multiaddr.parse(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ip4/1.2.3.4",
        "/",
        "/ip4/256.0.0.1",
        "/ip4/1.2.3",
        "/ip4/01.2.3.4",
        "/tcp/65536",
        "/tcp/-1",
        "/tcp",
        "/ip6/1.2.3.4",
        "/ip6/example.com",
        "/p2p/notapeerid",
        "/ip4/1.2.3.4/udp/4001/quic-v1",
      })
  void invalidStringsAreRejected(String text) {
    assertThatThrownBy(() -> Multiaddr.parse(text))
        .isInstanceOf(MalformedMultiaddrException.class)
        .hasMessageContaining(text.isEmpty() ? "" : "multiaddr");
  }

  @Test
  void unknownProtocolIsNamedInTheMessage() {
    assertThatThrownBy(() -> Multiaddr.parse("/ip4/1.2.3.4/udp/4001/quic-v1"))
        .hasMessageContaining("unknown protocol 'udp'");
    assertThatThrownBy(() -> Multiaddr.fromBytes(HEX.parseHex("047f0000019102" + "0fa1")))
        .isInstanceOf(MalformedMultiaddrException.class)
        .hasMessageContaining("unknown protocol code 273 at offset 5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "047f0000", "0601", "a50326", "a503ff", "3600"})
  void invalidBytesAreRejected(String hex) {
    assertThatThrownBy(() -> Multiaddr.fromBytes(HEX.parseHex(hex)))
        .isInstanceOf(MalformedMultiaddrException.class);
  }

  @Test
  void peerIdAndSocketAddressAccessors() {
    Multiaddr addr = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + ID);
    assertThat(addr.peerId()).contains(PeerId.parse(ID));
    assertThat(addr.withoutPeerId()).isEqualTo(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001"));
    assertThat(addr.withoutPeerId().withPeerId(PeerId.parse(ID))).isEqualTo(addr);
    assertThat(addr.toTcpSocketAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 4001));
    assertThat(Multiaddr.fromSocketAddress(new InetSocketAddress("127.0.0.1", 4001)))
        .isEqualTo(addr.withoutPeerId());
    assertThat(Multiaddr.parse("/dns4/example.com/tcp/80").toTcpSocketAddress().isUnresolved())
        .isTrue();
    assertThat(Multiaddr.parse("/ip4/1.2.3.4/tcp/1").peerId()).isEmpty();
  }
}
