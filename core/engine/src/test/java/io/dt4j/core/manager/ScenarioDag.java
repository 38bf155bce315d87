package io.dt4j.core.manager;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.selector.SelectorParser;
import io.dt4j.ipld.traversal.BlockEvent;
import io.dt4j.ipld.traversal.Traversal;
import io.dt4j.ipld.traversal.TraversalCursor;
import io.dt4j.ipld.traversal.TraversalVisitor;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The data of a scenario: a UnixFS file of 64-byte raw leaves, 16 links a node, and its blocks in
 * the order an explore-all traversal reaches them, with their sizes.
 *
 * @param store a store holding the whole DAG
 * @param root the root CID
 * @param order the distinct blocks in traversal order
 * @param sizes each block's size, in the same order
 */
record ScenarioDag(InMemoryBlockstore store, Cid root, List<Cid> order, List<Integer> sizes) {

  /**
   * Imports {@code chunks} random 64-byte chunks.
   *
   * @param chunks the number of leaves
   * @return the DAG
   */
  static ScenarioDag of(int chunks) {
    byte[] content = new byte[chunks * 64];
    new Random(chunks).nextBytes(content);
    InMemoryBlockstore store = new InMemoryBlockstore();
    try {
      Cid root =
          UnixFsImporter.importFile(
                  new ByteArrayInputStream(content), new ImportOptions(64, true, 1, 16), store::put)
              .root();
      TraversalCursor cursor =
          Traversal.over(BlockLoader.of(store))
              .start(
                  root, SelectorParser.parse(Selectors.EXPLORE_ALL), TraversalVisitor.CONTINUE_ALL);
      Set<Cid> seen = new LinkedHashSet<>();
      for (Optional<BlockEvent> e = cursor.nextBlock(); e.isPresent(); e = cursor.nextBlock()) {
        seen.add(e.get().cid());
      }
      List<Integer> sizes = new ArrayList<>();
      for (Cid cid : seen) {
        sizes.add(store.get(cid).orElseThrow().length);
      }
      return new ScenarioDag(store, root, List.copyOf(seen), List.copyOf(sizes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the number of blocks. */
  int blocks() {
    return order.size();
  }

  /** Returns the total size of all blocks. */
  long bytes() {
    return sizes.stream().mapToLong(Integer::longValue).sum();
  }

  /** Returns how many blocks have moved once more than {@code bytes} bytes moved. */
  int blocksToExceed(long bytes) {
    long moved = 0;
    for (int i = 0; i < sizes.size(); i++) {
      moved += sizes.get(i);
      if (moved > bytes) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("the DAG has only " + moved + " bytes");
  }

  /** Returns a fresh store with the whole DAG. */
  InMemoryBlockstore copyStore() {
    InMemoryBlockstore copy = new InMemoryBlockstore();
    for (Cid cid : order) {
      copy.put(new io.dt4j.ipld.Block(cid, store.get(cid).orElseThrow()));
    }
    return copy;
  }
}
