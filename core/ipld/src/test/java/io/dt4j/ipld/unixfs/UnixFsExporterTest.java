package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbLink;
import io.dt4j.ipld.dagpb.PbNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnixFsExporterTest {
  private static final ImportOptions RAW_4 = new ImportOptions(1024, true, 1, 4);
  private static final ImportOptions V0_4 = new ImportOptions(1024, false, 0, 4);

  private static byte[] export(Cid root, InMemoryBlockstore store) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = UnixFsExporter.exportFile(root, BlockLoader.of(store), out);
    assertThat(written).isEqualTo(out.size());
    return out.toByteArray();
  }

  @Test
  void importThenExportGivesTheSameBytesForEveryProfileAndEdgeSize() throws IOException {
    List<ImportOptions> profiles =
        List.of(
            RAW_4,
            V0_4,
            new ImportOptions(1024, false, 1, 3),
            ImportOptions.KUBO,
            ImportOptions.IPFS_CAR);
    int[] sizes = {0, 1, 1023, 1024, 1025, 4 * 1024, 4 * 1024 + 1, 17 * 1024 + 3, 300_001};
    for (ImportOptions options : profiles) {
      for (int size : sizes) {
        byte[] content = OraclePrng.bytes(size);
        RecordedImport recorded = RecordedImport.of(content, options);
        assertThat(export(recorded.result().root(), recorded.store()))
            .as("%s, %d bytes", options, size)
            .isEqualTo(content);
      }
    }
  }

  @Test
  void exportStreamsOneLeafAtATime() throws IOException {
    RecordedImport recorded = RecordedImport.of(new OraclePrng(3_145_733), V0_4);
    int[] largestWrite = {0};
    long[] total = {0};
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw new AssertionError("byte-wise write");
          }

          @Override
          public void write(byte[] b, int off, int len) {
            largestWrite[0] = Math.max(largestWrite[0], len);
            total[0] += len;
          }
        };
    long written =
        UnixFsExporter.exportFile(recorded.result().root(), BlockLoader.of(recorded.store()), out);
    assertThat(written).isEqualTo(3_145_733).isEqualTo(total[0]);
    assertThat(largestWrite[0]).isEqualTo(1024);
  }

  @Test
  void missingBlockIsReportedWithItsCid() throws IOException {
    RecordedImport recorded = RecordedImport.of(OraclePrng.bytes(10_000), RAW_4);
    Cid missing = recorded.blocks().get(5).cid();
    recorded.store().delete(missing);
    assertThatThrownBy(() -> export(recorded.result().root(), recorded.store()))
        .isInstanceOfSatisfying(
            BlockNotFoundException.class, e -> assertThat(e.cid()).isEqualTo(missing))
        .hasMessageContaining(missing.toString());
  }

  @Test
  void loaderWithoutTheBlockCountsAsMissing() {
    Cid root = Block.of(Multicodec.RAW, new byte[] {1}).cid();
    assertThatThrownBy(
            () ->
                UnixFsExporter.exportFile(
                    root, cid -> java.util.Optional.empty(), new ByteArrayOutputStream()))
        .isInstanceOf(BlockNotFoundException.class);
  }

  @Test
  void blockWhoseBytesDoNotMatchItsCidIsMalformed() throws IOException {
    RecordedImport recorded = RecordedImport.of(OraclePrng.bytes(10_000), V0_4);
    Cid corrupt = recorded.blocks().get(2).cid();
    BlockLoader loader =
        cid -> {
          byte[] bytes = recorded.store().get(cid).orElseThrow();
          if (cid.equals(corrupt)) {
            bytes[bytes.length - 1] ^= 1;
          }
          return java.util.Optional.of(bytes);
        };
    assertThatThrownBy(
            () ->
                UnixFsExporter.exportFile(
                    recorded.result().root(), loader, new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(
            MalformedUnixFsException.class, e -> assertThat(e.cid()).isEqualTo(corrupt))
        .hasMessageContaining("do not match");
  }

  @Test
  void childHoldingOtherThanItsBlocksizeIsMalformed() throws IOException {
    InMemoryBlockstore store = new InMemoryBlockstore();
    Block leaf = put(store, Block.of(Multicodec.RAW, new byte[] {1, 2, 3}));
    UnixFsData lying =
        new UnixFsData(
            UnixFsData.DataType.FILE,
            Optional.empty(),
            OptionalLong.of(2),
            List.of(2L),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            Optional.empty());
    Block parent = put(store, fileNode(List.of(PbLink.of(leaf.cid(), "", 3)), lying));
    assertThatThrownBy(() -> export(parent.cid(), store))
        .isInstanceOfSatisfying(
            MalformedUnixFsException.class, e -> assertThat(e.cid()).isEqualTo(parent.cid()))
        .hasMessageContaining("holds 3 file bytes, blocksizes says 2");
  }

  @Test
  void filesizeDisagreeingWithBlocksizesIsMalformed() throws IOException {
    InMemoryBlockstore store = new InMemoryBlockstore();
    Block leaf = put(store, Block.of(Multicodec.RAW, new byte[] {1}));
    UnixFsData wrongTotal =
        new UnixFsData(
            UnixFsData.DataType.FILE,
            Optional.empty(),
            OptionalLong.of(5),
            List.of(1L),
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            Optional.empty());
    Block parent = put(store, fileNode(List.of(PbLink.of(leaf.cid(), "", 1)), wrongTotal));
    assertThatThrownBy(() -> export(parent.cid(), store))
        .isInstanceOf(MalformedUnixFsException.class)
        .hasMessageContaining("filesize 5 but data and blocksizes add up to 1");

    Block noSizes =
        put(
            store,
            fileNode(List.of(PbLink.of(leaf.cid(), "", 1)), UnixFsData.fileParent(List.of())));
    assertThatThrownBy(() -> export(noSizes.cid(), store))
        .isInstanceOf(MalformedUnixFsException.class)
        .hasMessageContaining("1 links but 0 blocksizes");
  }

  @Test
  void nodesThatAreNotUnixFsFilesAreRejectedWithTheirCid() throws IOException {
    InMemoryBlockstore store = new InMemoryBlockstore();
    Block directory = put(store, fileNode(List.of(), UnixFsData.directory()));
    assertThatThrownBy(() -> export(directory.cid(), store))
        .isInstanceOf(UnsupportedUnixFsException.class)
        .hasMessageContaining("DIRECTORY");
    Block cbor = put(store, Block.of(Multicodec.DAG_CBOR, DagCbor.encode(Node.of(1))));
    assertThatThrownBy(() -> export(cbor.cid(), store))
        .isInstanceOf(UnsupportedUnixFsException.class)
        .hasMessageContaining("dag-cbor");
    Block noData = put(store, DagPb.block(PbNode.EMPTY, 1));
    assertThatThrownBy(() -> export(noData.cid(), store))
        .isInstanceOf(MalformedUnixFsException.class)
        .hasMessageContaining("no Data");
    Block badUnixFs = put(store, DagPb.block(PbNode.of(List.of(), new byte[] {0x08}), 1));
    assertThatThrownBy(() -> export(badUnixFs.cid(), store))
        .isInstanceOfSatisfying(
            MalformedUnixFsException.class, e -> assertThat(e.cid()).isEqualTo(badUnixFs.cid()));
  }

  @Test
  void listsTheDirectoryIpfsCarWrapsAFileIn() throws IOException {
    // `ipfs-car pack empty.bin -o x.car` (wrap on) has this directory as root (EXPECTED.md);
    // its block, read with @ipld/car, is 12330a24<raw cid>1209"empty.bin"1800 0a020801.
    InMemoryBlockstore store = new InMemoryBlockstore();
    Cid empty = Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    Block directory =
        put(store, fileNode(List.of(PbLink.of(empty, "empty.bin", 0)), UnixFsData.directory()));
    assertThat(directory.cid())
        .hasToString("bafybeigl62ftvki6n6lwpot4c6c2cdaswgcm3vqvuu2xo4leq5hczk3d2i");
    assertThat(UnixFsExporter.listDirectory(directory.cid(), BlockLoader.of(store)))
        .containsExactly(new DirectoryEntry("empty.bin", empty, OptionalLong.of(0)));
  }

  @Test
  void listingRejectsFilesShardsAndNamelessLinks() throws IOException {
    InMemoryBlockstore store = new InMemoryBlockstore();
    Cid target = put(store, Block.of(Multicodec.RAW, new byte[0])).cid();
    Block file = put(store, fileNode(List.of(), UnixFsData.fileLeaf(new byte[] {1})));
    UnixFsData shard =
        new UnixFsData(
            UnixFsData.DataType.HAMT_SHARD,
            Optional.empty(),
            OptionalLong.empty(),
            List.of(),
            OptionalLong.of(0x22),
            OptionalLong.of(256),
            OptionalLong.empty(),
            Optional.empty());
    Block hamt = put(store, fileNode(List.of(), shard));
    Block nameless =
        put(
            store,
            fileNode(
                List.of(new PbLink(target, Optional.empty(), OptionalLong.empty())),
                UnixFsData.directory()));
    BlockLoader loader = BlockLoader.of(store);
    assertThatThrownBy(() -> UnixFsExporter.listDirectory(file.cid(), loader))
        .isInstanceOf(UnsupportedUnixFsException.class);
    assertThatThrownBy(() -> UnixFsExporter.listDirectory(hamt.cid(), loader))
        .isInstanceOf(UnsupportedUnixFsException.class)
        .hasMessageContaining("HAMT");
    assertThatThrownBy(() -> UnixFsExporter.listDirectory(target, loader))
        .isInstanceOf(UnsupportedUnixFsException.class);
    assertThatThrownBy(() -> UnixFsExporter.listDirectory(nameless.cid(), loader))
        .isInstanceOf(MalformedUnixFsException.class)
        .hasMessageContaining("has no Name");
  }

  private static Block fileNode(List<PbLink> links, UnixFsData data) {
    return DagPb.block(PbNode.of(links, data.encode()), 1);
  }

  private static Block put(InMemoryBlockstore store, Block block) {
    store.put(block);
    return block;
  }
}
