package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnixFsImporterTest {
  private static final ImportOptions V0_4 = new ImportOptions(1024, false, 0, 4);

  @Test
  void resultCountsWhatTheSinkReceivedAndTheRootComesLast() throws IOException {
    List<Block> sunk = new ArrayList<>();
    ImportResult result = UnixFsImporter.importFile(new OraclePrng(20_000), V0_4, sunk::add);
    assertThat(result.fileSize()).isEqualTo(20_000);
    assertThat(result.blockCount()).isEqualTo(sunk.size());
    assertThat(result.bytesWritten())
        .isEqualTo(sunk.stream().mapToLong(block -> block.data().length).sum());
    assertThat(sunk.get(sunk.size() - 1).cid()).isEqualTo(result.root());
    sunk.forEach(Block::verify);
    DeepTreeTest.assertPostOrder(sunk);
  }

  @Test
  void rootLinksCarryCumulativeSizesThatAddUpToAllBlocks() throws IOException {
    List<Block> sunk = new ArrayList<>();
    ImportResult result = UnixFsImporter.importFile(new OraclePrng(20_000), V0_4, sunk::add);
    Block root = sunk.get(sunk.size() - 1);
    PbNode node = DagPb.decode(root.data());
    long linked = node.links().stream().mapToLong(link -> link.tsize().orElseThrow()).sum();
    assertThat(linked + root.data().length).isEqualTo(result.bytesWritten());
    assertThat(node.links()).allSatisfy(link -> assertThat(link.name()).contains(""));
  }

  @Test
  void shortReadsGiveTheSameDagAsWholeReads() throws IOException {
    byte[] content = OraclePrng.bytes(9_999);
    InputStream trickle =
        new ByteArrayInputStream(content) {
          private int step;

          @Override
          public synchronized int read(byte[] b, int off, int len) {
            step = step % 7 + 1;
            return super.read(b, off, Math.min(len, step));
          }
        };
    ImportResult whole =
        UnixFsImporter.importFile(new ByteArrayInputStream(content), V0_4, block -> {});
    ImportResult trickled = UnixFsImporter.importFile(trickle, V0_4, block -> {});
    assertThat(trickled).isEqualTo(whole);
  }

  @Test
  void rawLeavesUnderCidV0AreCidV1RawBlocksBelowCidV0Parents() throws IOException {
    List<Block> sunk = new ArrayList<>();
    ImportResult result =
        UnixFsImporter.importFile(
            new OraclePrng(3000), new ImportOptions(1024, true, 0, 4), sunk::add);
    assertThat(result.root().version()).isZero();
    assertThat(sunk.subList(0, 3))
        .allSatisfy(block -> assertThat(block.cid().codec()).isEqualTo(Multicodec.RAW));
  }

  @Test
  void readFailuresPropagate() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };
    assertThatThrownBy(() -> UnixFsImporter.importFile(failing, V0_4, block -> {}))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }
}
