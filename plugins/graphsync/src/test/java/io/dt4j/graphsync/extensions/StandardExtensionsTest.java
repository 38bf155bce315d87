package io.dt4j.graphsync.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Cid;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payloads of graphsync's standard extensions against the spec's vectors (§4.2). */
class StandardExtensionsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Cid HELLO =
      Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
  private static final String HELLO_LINK =
      "d82a582500015512202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @Test
  void responseMetadataMatchesTheSpecVector() throws Exception {
    String vector = "81a2646c696e6b" + HELLO_LINK + "6c626c6f636b50726573656e74f5";
    assertThat(HEX.formatHex(ResponseMetadata.encode(List.of(new LinkMetadata(HELLO, true)))))
        .isEqualTo(vector);
    assertThat(ResponseMetadata.decode(HEX.parseHex(vector)))
        .containsExactly(new LinkMetadata(HELLO, true));
    assertThat(HEX.formatHex(ResponseMetadata.encode(List.of()))).isEqualTo("80");
  }

  @Test
  void responseMetadataAcceptsEitherKeyOrderButNoOtherKeys() throws Exception {
    String reversed = "81a26c626c6f636b50726573656e74f4646c696e6b" + HELLO_LINK;
    assertThat(ResponseMetadata.decode(HEX.parseHex(reversed)))
        .containsExactly(new LinkMetadata(HELLO, false));
    String extraKey = "81a3646c696e6b" + HELLO_LINK + "6c626c6f636b50726573656e74f5" + "6178f6";
    assertThatThrownBy(() -> ResponseMetadata.decode(HEX.parseHex(extraKey)))
        .isInstanceOf(MalformedExtensionException.class)
        .hasMessageContaining("graphsync/response-metadata");
    assertThatThrownBy(() -> ResponseMetadata.decode(HEX.parseHex("a0")))
        .isInstanceOf(MalformedExtensionException.class)
        .hasMessageContaining("not a list");
    assertThatThrownBy(() -> ResponseMetadata.decode(HEX.parseHex("81")))
        .isInstanceOf(MalformedExtensionException.class);
  }

  @Test
  void doNotSendCidsMatchesTheSpecVector() throws Exception {
    String vector = "81" + HELLO_LINK;
    assertThat(HEX.formatHex(DoNotSendCids.encode(List.of(HELLO)))).isEqualTo(vector);
    assertThat(DoNotSendCids.decode(HEX.parseHex(vector))).isEqualTo(Set.of(HELLO));
    assertThatThrownBy(() -> DoNotSendCids.decode(HEX.parseHex("8101")))
        .isInstanceOf(MalformedExtensionException.class)
        .hasMessageContaining("not a link");
  }

  @Test
  void dedupKeyIsADagCborString() throws Exception {
    assertThat(HEX.formatHex(DedupKey.encode("abc"))).isEqualTo("63616263");
    assertThat(DedupKey.decode(HEX.parseHex("63616263"))).isEqualTo("abc");
    assertThatThrownBy(() -> DedupKey.decode(HEX.parseHex("01")))
        .isInstanceOf(MalformedExtensionException.class);
  }

  @Test
  void doNotSendFirstBlocksIsAnInteger() throws Exception {
    assertThat(HEX.formatHex(DoNotSendFirstBlocks.encode(10))).isEqualTo("0a");
    assertThat(DoNotSendFirstBlocks.decode(HEX.parseHex("0a"))).isEqualTo(10);
    assertThatThrownBy(() -> DoNotSendFirstBlocks.decode(HEX.parseHex("20")))
        .isInstanceOf(MalformedExtensionException.class);
  }
}
