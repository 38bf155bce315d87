package io.dt4j.graphsync.transport;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multihash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A recipient's in-memory store that re-hashes every block it is asked to store (SHA-256, as all
 * the scenarios' CIDs) and remembers each one whose bytes do not match its CID: the scenarios
 * assert that graphsync never stores unverified data.
 */
final class HashCheckingBlockstore implements Blockstore {
  private final InMemoryBlockstore inner = new InMemoryBlockstore();
  private final List<Cid> mismatched = new CopyOnWriteArrayList<>();

  /** {@return the CIDs of blocks put with bytes that hash to something else} */
  List<Cid> mismatched() {
    return List.copyOf(mismatched);
  }

  @Override
  public void put(Block block) {
    if (!Multihash.sha256(block.data()).equals(block.cid().multihash())) {
      mismatched.add(block.cid());
    }
    inner.put(block);
  }

  @Override
  public boolean has(Cid cid) {
    return inner.has(cid);
  }

  @Override
  public Optional<byte[]> get(Cid cid) {
    return inner.get(cid);
  }

  @Override
  public boolean delete(Cid cid) {
    return inner.delete(cid);
  }

  @Override
  public OptionalLong size(Cid cid) {
    return inner.size(cid);
  }

  @Override
  public Stream<Cid> cids() {
    return inner.cids();
  }
}
