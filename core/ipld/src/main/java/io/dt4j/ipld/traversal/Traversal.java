package io.dt4j.ipld.traversal;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.selector.Selector;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a DAG with a selector in go-ipld-prime's order (graphsync spec §6.3). Immutable and
 * reusable; each {@link #start} gives an independent {@link TraversalCursor}.
 *
 * <pre>{@code
 * Traversal traversal = Traversal.over(blockstore::get)
 *     .withOptions(TraversalOptions.defaults().withMissingBlocks(MissingBlockPolicy.SKIP));
 * TraversalCursor cursor = traversal.start(root, SelectorParser.parse(selectorNode), visitor);
 * for (Optional<BlockEvent> e = cursor.nextBlock(); e.isPresent(); e = cursor.nextBlock()) { ... }
 * }</pre>
 */
public final class Traversal {
  private final BlockLoader loader;
  private final NodeDecoder decoder;
  private final TraversalOptions options;

  private Traversal(BlockLoader loader, NodeDecoder decoder, TraversalOptions options) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns a traversal loading blocks from {@code loader}, with the {@link NodeDecoder#standard()}
   * decoder and {@link TraversalOptions#defaults()}.
   *
   * @param loader where blocks come from
   * @return the traversal
   */
  public static Traversal over(BlockLoader loader) {
    return new Traversal(loader, NodeDecoder.standard(), TraversalOptions.defaults());
  }

  /**
   * Returns this traversal with another decoder.
   *
   * @param nodeDecoder the decoder
   * @return the traversal
   */
  public Traversal withDecoder(NodeDecoder nodeDecoder) {
    return new Traversal(loader, nodeDecoder, options);
  }

  /**
   * Returns this traversal with other options.
   *
   * @param traversalOptions the options
   * @return the traversal
   */
  public Traversal withOptions(TraversalOptions traversalOptions) {
    return new Traversal(loader, decoder, traversalOptions);
  }

  /**
   * Starts a traversal at a root block; its first {@link TraversalCursor#nextBlock()} loads it.
   *
   * @param root the root block's CID
   * @param selector the selector, applied to the root block's node
   * @param visitor told about each node and block
   * @return the cursor, not yet advanced
   */
  public TraversalCursor start(Cid root, Selector selector, TraversalVisitor visitor) {
    return TraversalCursor.fromRoot(
        loader,
        decoder,
        options,
        Objects.requireNonNull(visitor, "visitor"),
        Objects.requireNonNull(root, "root"),
        Objects.requireNonNull(selector, "selector"));
  }

  /**
   * Starts a traversal at a node already in memory; links are loaded as they are reached.
   *
   * @param node the starting node, visited at the empty path
   * @param selector the selector, applied to {@code node}
   * @param visitor told about each node and block
   * @return the cursor, not yet advanced
   */
  public TraversalCursor startAt(Node node, Selector selector, TraversalVisitor visitor) {
    return TraversalCursor.fromNode(
        loader,
        decoder,
        options,
        Objects.requireNonNull(visitor, "visitor"),
        Objects.requireNonNull(node, "node"),
        Objects.requireNonNull(selector, "selector"));
  }

  /**
   * Runs a whole traversal from a root block.
   *
   * @param root the root block's CID
   * @param selector the selector
   * @param visitor told about each node and block
   * @return the number of link loads (blocks found or missing)
   * @throws IOException if the loader failed
   * @throws TraversalException if a block is missing (under {@link MissingBlockPolicy#FAIL}),
   *     cannot be decoded or a bound is exceeded
   */
  public long run(Cid root, Selector selector, TraversalVisitor visitor) throws IOException {
    TraversalCursor cursor = start(root, selector, visitor);
    long loads = 0;
    for (Optional<BlockEvent> event = cursor.nextBlock();
        event.isPresent();
        event = cursor.nextBlock()) {
      loads++;
    }
    return loads;
  }
}
