package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.traversal.BlockEvent;
import io.dt4j.ipld.traversal.Path;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The data path's way through a block: arrays handed over, not copied, and hashed once. */
class BlockTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  private static final Cid HELLO_CID = Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO));

  @Test
  void adoptedArrayIsSharedNotCopied() {
    byte[] data = HELLO.clone();
    Block block = Block.adopt(HELLO_CID, data);

    assertThat(block.dataUnsafe()).isSameAs(data);
    assertThat(block.data()).isNotSameAs(data).isEqualTo(HELLO);
    assertThat(block.size()).isEqualTo(5);
    assertThat(block).isEqualTo(new Block(HELLO_CID, HELLO)).hasSameHashCodeAs(HELLO_CID);
  }

  @Test
  void adoptedBlockIsStillVerified() {
    Block forged = Block.adopt(HELLO_CID, new byte[] {1});

    assertThatThrownBy(forged::verify).isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void blockWhoseCidWasHashedFromItsBytesIsNotHashedAgain() {
    byte[] data = HELLO.clone();
    Block block = Block.adoptVerified(HELLO_CID, data);
    data[0] = 'j'; // breaks the promise on purpose: verify() trusts the earlier hash

    block.verify();
    assertThatThrownBy(Block.adopt(HELLO_CID, data)::verify)
        .isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void blockStoreKeepsTheBlocksOwnArray() {
    InMemoryBlockstore store = new InMemoryBlockstore();
    Block block = Block.adopt(HELLO_CID, HELLO.clone());
    store.put(block);

    byte[] read = store.get(HELLO_CID).orElseThrow();
    read[0] = 'j';
    assertThat(store.get(HELLO_CID)).hasValueSatisfying(v -> assertThat(v).isEqualTo(HELLO));
  }

  @Test
  void loadEventAndBytesNodeShareAnAdoptedArray() {
    byte[] data = HELLO.clone();
    BlockEvent.Loaded loaded = BlockEvent.Loaded.adopt(HELLO_CID, Path.root(), data);
    Node.Bytes node = Node.Bytes.adopt(data);

    assertThat(loaded.dataUnsafe()).isSameAs(data);
    assertThat(loaded.size()).isEqualTo(5);
    assertThat(loaded).isEqualTo(new BlockEvent.Loaded(HELLO_CID, Path.root(), HELLO));
    assertThat(node.size()).isEqualTo(5);
    assertThat(node).isEqualTo(Node.of(HELLO));
    assertThat(new BlockEvent.Loaded(HELLO_CID, Path.root(), data).dataUnsafe()).isNotSameAs(data);
  }
}
