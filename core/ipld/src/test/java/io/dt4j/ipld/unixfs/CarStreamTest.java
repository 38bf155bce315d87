package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Varint;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The importer's blocks, framed as a CARv1 in sink order (graphsync spec §8.5; framing written out
 * here only to digest it, the CAR package is elsewhere), are byte-identical to the CARs ipfs-car
 * 3.1.0 writes with {@code pack FILE --no-wrap -o OUT.car}: sha256 and sizes from EXPECTED.md.
 */
class CarStreamTest {
  @Test
  void singleBlockFilesGiveIpfsCarsCarBytes() throws IOException {
    assertCar("empty", 96, "50e7408f2eeee58f0a305319619dcc4c89baa7b8425550b9e1b4fdecc020699e");
    assertCar("a", 97, "853d4b825e2edea161fc902951ae83ba59938053a7b0075b128b9a4a2f46f067");
    assertCar("hello", 108, "433339b32e3c2186ce6fe406227ce6a48e97a176ca86048a8fd3490769ed2016");
    assertCar(
        "prng:262144", 262_242, "f327bfa0618c16c4283287ee75c6706d31df772bc28f2e232734cf7ff3349ac4");
    assertCar(
        "prng:262145", 262_243, "66fbcb9a47ab672e67216047e0a29e5b4fd5ebe9e75a58282b370a2b71fc7775");
  }

  @Test
  void fiftyMebibytesGiveIpfsCarsCarBytes() throws IOException {
    assertCar(
        "prng:52428800",
        52_433_357,
        "f7b5c356b6fe8c600779680c0ce27e3a1c3ecf342519d9d95ca3a04b52ec2172");
  }

  private static void assertCar(String input, long size, String sha256) throws IOException {
    RecordedImport recorded;
    try (InputStream in = ReferenceInputs.open(input)) {
      recorded = RecordedImport.of(in, ImportOptions.IPFS_CAR);
    }
    MessageDigest digest = RecordedImport.sha256();
    long length = section(digest, header(recorded.result().root()));
    for (Block block : recorded.blocks()) {
      byte[] cid = block.cid().toBytes();
      byte[] data = block.data();
      byte[] prefix = Varint.encode(cid.length + data.length);
      digest.update(prefix);
      digest.update(cid);
      digest.update(data);
      length += prefix.length + cid.length + data.length;
    }
    assertThat(length).isEqualTo(size);
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256);
  }

  private static byte[] header(Cid root) {
    return DagCbor.encode(
        Node.map().put("roots", Node.list(Node.link(root))).put("version", Node.of(1)).build());
  }

  private static long section(MessageDigest digest, byte[] bytes) {
    byte[] prefix = Varint.encode(bytes.length);
    digest.update(prefix);
    digest.update(bytes);
    return prefix.length + bytes.length;
  }
}
