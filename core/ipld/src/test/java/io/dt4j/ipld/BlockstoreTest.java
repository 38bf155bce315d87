package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlockstoreTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  @Test
  void blockOfComputesCidV1WithSha256() {
    Block block = Block.of(Multicodec.RAW, HELLO);
    assertThat(block.cid())
        .hasToString("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    block.verify();
  }

  @Test
  void blockCopiesDataInAndOut() {
    byte[] data = HELLO.clone();
    Block block = Block.of(Multicodec.RAW, data);
    data[0] = 'j';
    block.data()[1] = 'j';
    assertThat(block.data()).isEqualTo(HELLO);
    assertThat(block).isEqualTo(Block.of(Multicodec.RAW, HELLO));
    assertThat(block.toString()).contains("5 bytes");
  }

  @Test
  void verifyRejectsDataThatDoesNotMatchTheCid() {
    Block forged = new Block(Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO)), new byte[] {1});
    assertThatThrownBy(forged::verify)
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void verifyChecksIdentityAndRefusesUnknownHashes() {
    new Block(Cid.parse("bafkqaatine"), "hi".getBytes(StandardCharsets.US_ASCII)).verify();
    Block blake =
        new Block(
            Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.BLAKE2B_256, new byte[32])), HELLO);
    assertThatThrownBy(blake::verify).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void storesGetsSizesAndDeletesBlocks() {
    Blockstore store = new InMemoryBlockstore();
    Block block = Block.of(Multicodec.RAW, HELLO);
    assertThat(store.has(block.cid())).isFalse();
    assertThat(store.get(block.cid())).isEmpty();
    assertThat(store.size(block.cid())).isEmpty();

    store.put(block);
    assertThat(store.has(block.cid())).isTrue();
    assertThat(store.get(block.cid()))
        .hasValueSatisfying(data -> assertThat(data).isEqualTo(HELLO));
    assertThat(store.size(block.cid())).hasValue(5);

    assertThat(store.delete(block.cid())).isTrue();
    assertThat(store.delete(block.cid())).isFalse();
    assertThat(store.has(block.cid())).isFalse();
  }

  @Test
  void returnedBytesCannotChangeTheStore() {
    Blockstore store = new InMemoryBlockstore();
    Block block = Block.of(Multicodec.RAW, HELLO);
    store.put(block);
    store.get(block.cid()).orElseThrow()[0] = 'j';
    assertThat(store.get(block.cid()))
        .hasValueSatisfying(data -> assertThat(data).isEqualTo(HELLO));
  }

  @Test
  void putAllAndCidsListEveryBlock() {
    Blockstore store = new InMemoryBlockstore();
    List<Block> blocks =
        List.of(
            Block.of(Multicodec.RAW, HELLO),
            Block.of(Multicodec.DAG_CBOR, new byte[] {(byte) 0xa0}));
    store.putAll(blocks);
    try (var cids = store.cids()) {
      assertThat(cids.collect(Collectors.toSet()))
          .containsExactlyInAnyOrder(blocks.get(0).cid(), blocks.get(1).cid());
    }
  }

  @Test
  void concurrentPutsAreAllKept() throws InterruptedException {
    Blockstore store = new InMemoryBlockstore();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 1000; i++) {
      byte[] data = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
      pool.execute(() -> store.put(Block.of(Multicodec.RAW, data)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    try (var cids = store.cids()) {
      assertThat(cids.count()).isEqualTo(1000);
    }
  }
}
