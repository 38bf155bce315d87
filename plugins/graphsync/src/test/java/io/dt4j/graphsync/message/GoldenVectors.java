package io.dt4j.graphsync.message;

import java.util.HexFormat;
import java.util.List;

/** The wire vectors of graphsync spec §2.4, each with its uvarint length prefix. */
final class GoldenVectors {
  /** A Go-encoded request (rust-graphsync compat test): id 1, explore-all selector. */
  static final String GO_REQUEST =
      "46"
          + "1244"
          + "0801"
          + "1224"
          + "01701220340887bdb4718b1632ea61e37ffaab03967013777973ed6bc4b6b5e23e8d7f17"
          + "1a1a"
          + "a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea16140a0";

  /** The root of {@link #GO_REQUEST}. */
  static final String GO_REQUEST_ROOT =
      "bafybeibubcd33ndrrmldf2tb4n77vkydszybg53zopwwxrfwwxrd5dl7c4";

  /** Final response for request 0, status 20, metadata of one raw block "hello" and the block. */
  static final String HELLO_RESPONSE =
      "72"
          + "1a61"
          + "1014"
          + "1a5d"
          + "0a1b677261706873796e632f726573706f6e73652d6d65746164617461"
          + "123e81a2646c696e6bd82a582500015512202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73"
          + "043362938b98246c626c6f636b50726573656e74f5"
          + "220d0a0401551220120568656c6c6f";

  /** Cancel request id 0. */
  static final String CANCEL_0 = "0412023001";

  /** Cancel request id 3. */
  static final String CANCEL_3 = "061204080330" + "01";

  static final List<String> ALL = List.of(GO_REQUEST, HELLO_RESPONSE, CANCEL_0, CANCEL_3);

  private GoldenVectors() {}

  /** Returns the protobuf body of a vector: its bytes after the one-byte length prefix. */
  static byte[] body(String vector) {
    byte[] wire = HexFormat.of().parseHex(vector);
    return java.util.Arrays.copyOfRange(wire, 1, wire.length);
  }
}
