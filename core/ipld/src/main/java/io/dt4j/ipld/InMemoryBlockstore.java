package io.dt4j.ipld;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A thread-safe {@link Blockstore} held in memory, for tests and embedders. */
public final class InMemoryBlockstore implements Blockstore {
  private final Map<Cid, byte[]> blocks = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryBlockstore() {}

  @Override
  public boolean has(Cid cid) {
    return blocks.containsKey(cid);
  }

  @Override
  public Optional<byte[]> get(Cid cid) {
    return Optional.ofNullable(blocks.get(cid)).map(byte[]::clone);
  }

  @Override
  public void put(Block block) {
    blocks.putIfAbsent(block.cid(), block.dataUnsafe()); // a block never changes its bytes
  }

  @Override
  public boolean delete(Cid cid) {
    return blocks.remove(cid) != null;
  }

  @Override
  public OptionalLong size(Cid cid) {
    byte[] data = blocks.get(cid);
    return data == null ? OptionalLong.empty() : OptionalLong.of(data.length);
  }

  @Override
  public Stream<Cid> cids() {
    return blocks.keySet().stream();
  }
}
