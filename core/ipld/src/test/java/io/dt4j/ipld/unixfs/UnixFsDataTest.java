package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.MalformedIpldException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The unixfs.pb.Data wire table (graphsync spec §8.4); vectors written out by hand. */
class UnixFsDataTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(UnixFsData data) {
    return HEX.formatHex(data.encode());
  }

  @Test
  void emptyFileLeafOmitsDataButKeepsFilesizeZero() {
    assertThat(hex(UnixFsData.fileLeaf(new byte[0]))).isEqualTo("08021800");
  }

  @Test
  void fileLeafWritesTypeDataFilesizeInFieldOrder() {
    assertThat(hex(UnixFsData.fileLeaf("hello\n".getBytes())))
        .isEqualTo("0802" + "1206" + "68656c6c6f0a" + "1806");
  }

  @Test
  void fileParentWritesUnpackedBlocksizesAfterFilesize() {
    assertThat(hex(UnixFsData.fileParent(List.of(262_144L, 1L))))
        .isEqualTo("0802" + "18818010" + "20808010" + "2001");
  }

  @Test
  void directoryIsJustItsType() {
    assertThat(hex(UnixFsData.directory())).isEqualTo("0801");
  }

  @Test
  void everyFieldRoundTrips() {
    UnixFsData full =
        new UnixFsData(
            UnixFsData.DataType.HAMT_SHARD,
            Optional.of(new byte[] {1, 2}),
            OptionalLong.of(7),
            List.of(3L, 4L),
            OptionalLong.of(0x22),
            OptionalLong.of(256),
            OptionalLong.of(0755),
            Optional.of(new UnixTime(1_700_000_000L, OptionalInt.of(5))));
    byte[] bytes = full.encode();
    assertThat(HEX.formatHex(bytes))
        .isEqualTo(
            "0805"
                + "12020102"
                + "1807"
                + "2003"
                + "2004"
                + "2822"
                + "308002"
                + "38ed03"
                + "420b"
                + "0880e2cfaa06"
                + "1505000000");
    assertThat(UnixFsData.decode(bytes)).isEqualTo(full);
    for (UnixFsData.DataType type : UnixFsData.DataType.values()) {
      assertThat(UnixFsData.DataType.fromCode(type.code())).contains(type);
    }
  }

  @Test
  void packedBlocksizesAreAcceptedAsProtobufRequires() {
    UnixFsData data = UnixFsData.decode(HEX.parseHex("0802" + "1803" + "22020102"));
    assertThat(data.blocksizes()).containsExactly(1L, 2L);
  }

  @Test
  void fieldsOutOfOrderAreAcceptedButReEncodeCanonically() {
    UnixFsData data = UnixFsData.decode(HEX.parseHex("1801" + "0802" + "120161"));
    assertThat(hex(data)).isEqualTo("0802" + "120161" + "1801");
  }

  @Test
  void strictDecodingRejections() {
    assertRejected("", "no Type");
    assertRejected("1800", "no Type");
    assertRejected("0806", "unknown DataType 6");
    assertRejected("0802" + "4800", "unknown field 9");
    assertRejected("0802" + "0802", "duplicate field 1");
    assertRejected("0802" + "1800" + "1801", "duplicate field 3");
    assertRejected("0a00", "field 1 has wire type 2");
    assertRejected("0802" + "1000", "field 2 has wire type 0");
    assertRejected("0802" + "2500000000", "blocksizes has wire type 5");
    assertRejected("0802" + "1205" + "00", "runs past the end");
    assertRejected("0802" + "38808080801000", "does not fit uint32");
    assertRejected("0802" + "4202" + "1501", "truncated fixed32");
    assertRejected("0802" + "4205" + "1501000000", "without Seconds");
    assertRejected("0802" + "4207" + "0801" + "1500000000", "nanoseconds 0 out of range");
  }

  private static void assertRejected(String hex, String problem) {
    assertThatThrownBy(() -> UnixFsData.decode(HEX.parseHex(hex)))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void valuesAreCopiedAndComparedByContent() {
    byte[] chunk = {1, 2, 3};
    UnixFsData leaf = UnixFsData.fileLeaf(chunk);
    chunk[0] = 9;
    assertThat(leaf.data()).get().isEqualTo(new byte[] {1, 2, 3});
    assertThat(leaf).isEqualTo(UnixFsData.fileLeaf(new byte[] {1, 2, 3}));
    assertThat(leaf.hashCode()).isEqualTo(UnixFsData.fileLeaf(new byte[] {1, 2, 3}).hashCode());
    assertThat(leaf.filesize()).hasValue(3);
    assertThatThrownBy(() -> UnixFsData.fileParent(List.of(-1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
