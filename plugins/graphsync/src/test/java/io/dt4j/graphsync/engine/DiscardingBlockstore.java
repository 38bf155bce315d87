package io.dt4j.graphsync.engine;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A requester's store for large pulls: it counts what is put and remembers the CIDs, but keeps no
 * bytes (so {@link #get} finds nothing — fine for DAGs without repeated blocks).
 */
public final class DiscardingBlockstore implements Blockstore {
  private final Set<Cid> cids = ConcurrentHashMap.newKeySet();
  private final AtomicLong bytes = new AtomicLong();

  /** Creates an empty store. */
  public DiscardingBlockstore() {}

  /** {@return the bytes put so far} */
  public long bytes() {
    return bytes.get();
  }

  @Override
  public boolean has(Cid cid) {
    return cids.contains(cid);
  }

  @Override
  public Optional<byte[]> get(Cid cid) {
    return Optional.empty();
  }

  @Override
  public void put(Block block) {
    if (cids.add(block.cid())) {
      bytes.addAndGet(block.size());
    }
  }

  @Override
  public boolean delete(Cid cid) {
    return cids.remove(cid);
  }

  @Override
  public OptionalLong size(Cid cid) {
    return OptionalLong.empty();
  }

  @Override
  public Stream<Cid> cids() {
    return cids.stream();
  }
}
