package io.dt4j.graphsync.engine;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.selector.SelectorParser;
import io.dt4j.ipld.traversal.BlockEvent;
import io.dt4j.ipld.traversal.MissingBlockPolicy;
import io.dt4j.ipld.traversal.Traversal;
import io.dt4j.ipld.traversal.TraversalCursor;
import io.dt4j.ipld.traversal.TraversalOptions;
import io.dt4j.ipld.traversal.TraversalVisitor;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsExporter;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** UnixFS files as DAGs for the scenarios, and what a local traversal of them loads. */
public final class Dags {
  /** Small chunks and few links per node: a deep DAG from little data. */
  static final ImportOptions NARROW = new ImportOptions(16 << 10, true, 1, 4);

  private Dags() {}

  /** Go's chunker (256 KiB) with raw leaves and CIDv1, as Filecoin deals store files. */
  public static final ImportOptions GO_LAYOUT = new ImportOptions(256 << 10, true, 1, 174);

  /** Imports {@code size} pseudo-random bytes without holding them, only the blocks. */
  public static ImportResult importRandom(Blockstore store, long size) throws Exception {
    Random random = new Random(size);
    InputStream in =
        new InputStream() {
          private long left = size;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left == 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
          }
        };
    return UnixFsImporter.importFile(in, GO_LAYOUT, store::put);
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  static ImportResult importFile(Blockstore store, byte[] data, ImportOptions options)
      throws IOException {
    return UnixFsImporter.importFile(new ByteArrayInputStream(data), options, store::put);
  }

  static byte[] exportFile(Blockstore store, Cid root) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UnixFsExporter.exportFile(root, store::get, out);
    return out.toByteArray();
  }

  /** The CIDs a selector loads from a store, in traversal order (missing ones skipped). */
  public static List<Cid> traversalOrder(Blockstore store, Cid root, Node selector)
      throws IOException {
    TraversalCursor cursor =
        Traversal.over(store::get)
            .withOptions(
                TraversalOptions.defaults()
                    .withMissingBlocks(MissingBlockPolicy.SKIP_REMAINING_SIBLINGS))
            .start(root, SelectorParser.parse(selector), TraversalVisitor.CONTINUE_ALL);
    List<Cid> loaded = new ArrayList<>();
    for (Optional<BlockEvent> e = cursor.nextBlock(); e.isPresent(); e = cursor.nextBlock()) {
      if (e.get() instanceof BlockEvent.Loaded) {
        loaded.add(e.get().cid());
      }
    }
    return loaded;
  }

  static List<Cid> allBlocks(Blockstore store, Cid root) throws IOException {
    return traversalOrder(store, root, Selectors.EXPLORE_ALL);
  }

  /** Explore-all limited to a depth: {@code {"R":{"l":{"depth":d},":>":{"a":{">":{"@":{}}}}}}}. */
  static Node depthLimited(int depth) {
    return Node.map()
        .put(
            "R",
            Node.map()
                .put("l", Node.map().put("depth", Node.of(depth)).build())
                .put(
                    ":>",
                    Node.map()
                        .put(
                            "a",
                            Node.map()
                                .put(">", Node.map().put("@", Node.map().build()).build())
                                .build())
                        .build())
                .build())
        .build();
  }

  static InMemoryBlockstore copyOf(Blockstore store, List<Cid> cids) {
    InMemoryBlockstore copy = new InMemoryBlockstore();
    for (Cid cid : cids) {
      copy.put(new Block(cid, store.get(cid).orElseThrow()));
    }
    return copy;
  }
}
