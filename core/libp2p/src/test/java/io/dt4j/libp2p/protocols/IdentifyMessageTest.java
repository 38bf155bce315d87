package io.dt4j.libp2p.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Identify protobuf (libp2p.md §7): field tags, length prefix, merging, limits. */
class IdentifyMessageTest {
  private static final HexFormat HEX = HexFormat.of();

  /** §9: the PublicKey protobuf of the all-zero Ed25519 seed. */
  private static final byte[] KEY =
      HEX.parseHex("080112203b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29");

  @Test
  void encodesFieldsWithTheSpecTagsInOrder() {
    IdentifyMessage m =
        new IdentifyMessage(
            Optional.of(KEY),
            List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001")),
            List.of("/ipfs/ping/1.0.0"),
            Optional.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/5000")),
            Optional.of("ipfs/0.1.0"),
            Optional.of("dt4j/1"));

    String hex = HEX.formatHex(m.encode());

    assertThat(hex)
        .isEqualTo(
            "0a24"
                + HEX.formatHex(KEY)
                + "1208047f000001060fa1" // /ip4/127.0.0.1/tcp/4001
                + "1a102f697066732f70696e672f312e302e30" // /ipfs/ping/1.0.0
                + "2208047f000001061388" // /ip4/127.0.0.1/tcp/5000
                + "2a0a697066732f302e312e30" // ipfs/0.1.0
                + "32066474346a2f31"); // dt4j/1
  }

  @Test
  void decodesWhatItEncodesAndSkipsUnknownFields() throws Exception {
    IdentifyMessage m =
        new IdentifyMessage(
            Optional.of(KEY),
            List.of(),
            List.of("/a", "/b"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("x"));
    byte[] withRecord = concat(m.encode(), HEX.parseHex("4203010203"));

    IdentifyMessage back = IdentifyMessage.decode(withRecord);

    assertThat(back.publicKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(KEY));
    assertThat(back.protocols()).containsExactly("/a", "/b");
    assertThat(back.agentVersion()).hasValue("x");
    assertThat(back.observedAddr()).isEmpty();
  }

  @Test
  void mergesTwoLengthPrefixedMessagesLikeGoSplitsThem() throws Exception {
    IdentifyMessage first =
        new IdentifyMessage(
            Optional.of(KEY),
            List.of(),
            List.of("/a"),
            Optional.empty(),
            Optional.of("ipfs/0.1.0"),
            Optional.empty());
    IdentifyMessage second =
        new IdentifyMessage(
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("go-libp2p/0.40"));

    IdentifyMessage merged =
        IdentifyMessage.decodeStream(concat(first.encodeDelimited(), second.encodeDelimited()));

    assertThat(merged.protocols()).containsExactly("/a");
    assertThat(merged.protocolVersion()).hasValue("ipfs/0.1.0");
    assertThat(merged.agentVersion()).hasValue("go-libp2p/0.40");
  }

  @Test
  void rejectsTruncatedOversizedAndEmptyStreams() {
    byte[] one =
        new IdentifyMessage(
                Optional.of(KEY),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())
            .encodeDelimited();
    byte[] truncated = java.util.Arrays.copyOf(one, one.length - 1);

    assertThatThrownBy(() -> IdentifyMessage.decodeStream(truncated))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> IdentifyMessage.decodeStream(HEX.parseHex("ffff01")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("8192");
    assertThatThrownBy(() -> IdentifyMessage.decodeStream(new byte[0]))
        .isInstanceOf(ProtocolException.class);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
