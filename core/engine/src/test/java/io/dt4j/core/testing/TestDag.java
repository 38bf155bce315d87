package io.dt4j.core.testing;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multicodec;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A UnixFS file DAG (64-byte raw leaves, 16 links a node) in a fresh in-memory store, and the order
 * in which an explore-all traversal reaches its blocks, each once.
 *
 * @param store the store holding the DAG
 * @param root the root CID
 * @param order the blocks in traversal order
 */
record TestDag(InMemoryBlockstore store, Cid root, List<Cid> order) {

  /** Imports {@code chunks} distinct 64-byte chunks. */
  static TestDag of(int chunks) {
    byte[] content = new byte[chunks * 64];
    new Random(chunks).nextBytes(content);
    return importing(content);
  }

  /** Imports {@code chunks} identical chunks: the traversal reaches the same blocks many times. */
  static TestDag repeating(int chunks) {
    return importing(new byte[chunks * 64]);
  }

  private static TestDag importing(byte[] content) {
    InMemoryBlockstore store = new InMemoryBlockstore();
    try {
      Cid root =
          UnixFsImporter.importFile(
                  new ByteArrayInputStream(content), new ImportOptions(64, true, 1, 16), store::put)
              .root();
      return new TestDag(store, root, traversalOrder(store, root));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /** Returns the same DAG in a store of its own, for a test that damages it. */
  TestDag copy() {
    InMemoryBlockstore copy = new InMemoryBlockstore();
    for (Cid cid : order) {
      copy.put(new Block(cid, store.get(cid).orElseThrow()));
    }
    return new TestDag(copy, root, order);
  }

  /** Returns the raw leaves, in traversal order. */
  List<Cid> leaves() {
    return order.stream().filter(cid -> cid.codec() == Multicodec.RAW).toList();
  }

  private static List<Cid> traversalOrder(InMemoryBlockstore store, Cid root) throws IOException {
    TraversalCursor cursor =
        Traversal.over(BlockLoader.of(store))
            .start(
                root, SelectorParser.parse(Selectors.EXPLORE_ALL), TraversalVisitor.CONTINUE_ALL);
    Set<Cid> seen = new LinkedHashSet<>();
    for (Optional<BlockEvent> event = cursor.nextBlock();
        event.isPresent();
        event = cursor.nextBlock()) {
      seen.add(event.get().cid());
    }
    return List.copyOf(seen);
  }
}
