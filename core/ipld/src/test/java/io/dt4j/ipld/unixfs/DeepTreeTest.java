package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbLink;
import io.dt4j.ipld.dagpb.PbNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trees of three to seven levels from small chunks and narrow nodes. The JS importer writes the
 * nodes two or more levels above the leaves only at the end, so for these trees its order differs
 * from ours (depth-first post-order): the block sets must be equal, and our order must be
 * post-order. Reference values: oracle lib.mjs buildFile as in {@link ImporterReferenceCidsTest};
 * "set" = sha256 over the sorted {@code "CID LEN\n"} lines (/tmp/oracle/sorted.mjs).
 */
class DeepTreeTest {
  private static final ImportOptions RAW_4 = new ImportOptions(1024, true, 1, 4);
  private static final ImportOptions V0_4 = new ImportOptions(1024, false, 0, 4);
  private static final ImportOptions V1_PB_4 = new ImportOptions(1024, false, 1, 4);
  private static final ImportOptions RAW_16 = new ImportOptions(1024, true, 1, 16);
  private static final ImportOptions V0_16 = new ImportOptions(1024, false, 0, 16);

  @Test
  void threeLevelsOf16LinksMatchTheOracleRows() throws IOException {
    // EXPECTED.md: car-pack --chunk 1024 --max-children 16 on 256k1.bin, 277 blocks
    assertTree(
        RAW_16,
        262_145,
        "bafybeigji6byvqho2bujdjwpbgki767q4c5oifst5cw622sojh6doh2lza",
        277,
        "a1ea88e3387b46b1582f8e66a6febe88f1f36f986a638f7373bef1ba5640c6a8");
    assertTree(
        V0_16,
        262_145,
        "QmW2hcDgPXnkC1aAD4zzepdqdG7qvdAVJdSJknyhaSpWB9",
        277,
        "aa7e83206efd375cd093c5d5e419d850633e46ce307182c39f62adb238f960da");
  }

  @Test
  void fiveLevelsOf4LinksWithEveryLeafKind() throws IOException {
    // 257 leaves -> 65 -> 17 -> 5 -> 2 -> root
    assertTree(
        RAW_4,
        262_145,
        "bafybeickf42z36fwadrj5qxsaegjkhtbgr7dune7cqwuvrsdz43253kzyy",
        347,
        "40b7d177803e095fe46642a2c8063a39ce52d2b4ff78f2b1d859e76f760204c3");
    assertTree(
        V0_4,
        262_145,
        "QmQ4jnREeiCCQxCrcvTNX7tT2Zv2e9JyiFoZKWQDZxUHtn",
        347,
        "9420219bc83ee3901f418a8011e532f47b41feba3aea311f259ac74891a7660d");
    assertTree(
        V1_PB_4,
        262_145,
        "bafybeidcfhazgsljqyi7jf5tho2axrwcpgehfnos7g7f2g3zqh74ubzjma",
        347,
        "6d03680bc6130892e5e06aa255c170e1d20727a9fce948798c583c56d81b9260");
  }

  @Test
  void sevenLevelsOf4LinksOverThreeMegabytes() throws IOException {
    // 3073 leaves -> 769 -> 193 -> 49 -> 13 -> 4 -> root
    assertTree(
        V0_4,
        3_145_733,
        "QmWh7VFGJbCS3Sb142yEdXTHXDuCGC17eRqnWLxUoERSKv",
        4102,
        "0bdf93201b83a97f95acd929d7c27db005ea01d95377c62fe325855df9c848b7");
  }

  private static void assertTree(
      ImportOptions options, long size, String root, int blocks, String setDigest)
      throws IOException {
    RecordedImport recorded = RecordedImport.of(new OraclePrng(size), options);
    assertThat(recorded.result().root()).hasToString(root);
    assertThat(recorded.result().fileSize()).isEqualTo(size);
    assertThat(recorded.blocks()).hasSize(blocks);
    assertThat(recorded.setDigest()).isEqualTo(setDigest);
    assertPostOrder(recorded.blocks());
  }

  /** Every parent comes right after its last child's subtree, and after all its children. */
  static void assertPostOrder(List<Block> blocks) {
    Map<Cid, Integer> position = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block.cid().codec() == Multicodec.DAG_PB) {
        PbNode node = DagPb.decode(block.data());
        for (PbLink link : node.links()) {
          assertThat(position).as("child of block %d already written", i).containsKey(link.hash());
        }
        if (!node.links().isEmpty()) {
          Cid last = node.links().get(node.links().size() - 1).hash();
          assertThat(position.get(last)).as("block %d follows its last child", i).isEqualTo(i - 1);
        }
      }
      position.put(block.cid(), i);
    }
  }
}
