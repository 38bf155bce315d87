package io.dt4j.ipld.traversal;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.selector.Selector;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A traversal in progress, advanced one link load at a time: {@link #nextBlock()} runs the walk up
 * to and including the next block load and returns it, so a graphsync responder can stop after any
 * block and resume later, on any thread, without holding one. The walk keeps its own stack, so the
 * DAG's depth does not grow the Java stack.
 *
 * <p>Order (go-ipld-prime v0.12.3 {@code traversal/walk.go}): depth-first pre-order. Visiting a
 * node asks the selector to decide on it and tells the visitor; then, for a map or list, its
 * children come in the {@link Frame} order; each child the selector explores is visited with the
 * explored selector; a child that is a link is first loaded (one {@link BlockEvent}) and its
 * block's root node visited in its place, at the link's path. No memo: a CID reached twice is
 * loaded twice.
 *
 * <p>A block's node is decoded and visited on the call after the one returning the block, as Go
 * decodes after its loader has handed over (and graphsync sent) the bytes. Not thread-safe; use it
 * from one thread at a time.
 */
public final class TraversalCursor {
  /** The next thing to do when the stack is not to be advanced. */
  private sealed interface Step permits Load, Decode, Visit {}

  private record Load(Cid cid, Selector selector, Path path) implements Step {}

  private record Decode(Cid cid, byte[] data, Selector selector, Path path) implements Step {}

  private record Visit(Node node, Selector selector, Path path) implements Step {}

  private final BlockLoader loader;
  private final NodeDecoder decoder;
  private final TraversalOptions options;
  private final TraversalVisitor visitor;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private Step pending;
  private boolean done;
  private boolean stopped;
  private long nodesVisited;
  private long blocksLoaded;
  private long blocksMissing;

  private TraversalCursor(
      BlockLoader loader,
      NodeDecoder decoder,
      TraversalOptions options,
      TraversalVisitor visitor,
      Step first) {
    this.loader = loader;
    this.decoder = decoder;
    this.options = options;
    this.visitor = visitor;
    this.pending = first;
  }

  static TraversalCursor fromRoot(
      BlockLoader loader,
      NodeDecoder decoder,
      TraversalOptions options,
      TraversalVisitor visitor,
      Cid root,
      Selector selector) {
    return new TraversalCursor(
        loader, decoder, options, visitor, new Load(root, selector, Path.root()));
  }

  static TraversalCursor fromNode(
      BlockLoader loader,
      NodeDecoder decoder,
      TraversalOptions options,
      TraversalVisitor visitor,
      Node node,
      Selector selector) {
    return new TraversalCursor(
        loader, decoder, options, visitor, new Visit(node, selector, Path.root()));
  }

  /**
   * Runs the traversal up to and including its next link load.
   *
   * @return the load, or empty when the traversal has ended (finished or stopped by the visitor)
   * @throws IOException if the loader failed; the cursor stays at that load, so calling again
   *     retries it
   * @throws TraversalException if a block is missing (under {@link MissingBlockPolicy#FAIL}),
   *     cannot be decoded or a bound is exceeded; the cursor is then done
   */
  public Optional<BlockEvent> nextBlock() throws IOException {
    while (!done) {
      BlockEvent event;
      try {
        event = step();
      } catch (RuntimeException failure) {
        finish();
        throw failure;
      }
      if (event != null) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether the traversal has ended; {@link #nextBlock()} then returns empty.
   *
   * @return true if finished, stopped or failed
   */
  public boolean isDone() {
    return done;
  }

  /**
   * Tells whether the visitor ended the traversal with {@link VisitControl#STOP}.
   *
   * @return true if stopped
   */
  public boolean isStopped() {
    return stopped;
  }

  /**
   * Returns the number of nodes visited so far.
   *
   * @return the count
   */
  public long nodesVisited() {
    return nodesVisited;
  }

  /**
   * Returns the number of blocks loaded so far.
   *
   * @return the count
   */
  public long blocksLoaded() {
    return blocksLoaded;
  }

  /**
   * Returns the number of blocks found missing so far (when skipping them).
   *
   * @return the count
   */
  public long blocksMissing() {
    return blocksMissing;
  }

  /** Does one unit of work; returns the block event if it was a link load. */
  private BlockEvent step() throws IOException {
    Step next = pending;
    pending = null;
    if (next instanceof Load load) {
      return load(load);
    }
    if (next instanceof Decode decode) {
      visit(decode(decode), decode.selector(), decode.path());
    } else if (next instanceof Visit visit) {
      visit(visit.node(), visit.selector(), visit.path());
    } else {
      advance();
    }
    return null;
  }

  /** Finds the top frame's next explored child and makes it pending; pops finished frames. */
  private void advance() {
    Frame frame = stack.peek();
    if (frame == null) {
      finish();
      return;
    }
    while (true) {
      Optional<Frame.Child> child = frame.next();
      if (child.isEmpty()) {
        stack.pop();
        return;
      }
      Optional<Selector> explored = frame.selector.explore(frame.node, child.get().segment());
      if (explored.isPresent()) {
        Path path = frame.path.append(child.get().segment());
        Node value = child.get().value();
        pending =
            value instanceof Node.Link link
                ? new Load(link.cid(), explored.get(), path)
                : new Visit(value, explored.get(), path);
        return;
      }
    }
  }

  private BlockEvent load(Load load) throws IOException {
    if (blocksLoaded + blocksMissing >= options.maxBlocks()) {
      throw new BudgetExceededException(
          BudgetExceededException.Bound.BLOCKS, options.maxBlocks(), load.path());
    }
    Optional<byte[]> data;
    try {
      data = loader.load(load.cid());
    } catch (IOException failure) {
      pending = load;
      throw failure;
    }
    if (data.isPresent()) {
      blocksLoaded++;
      visitor.blockLoaded(load.cid(), load.path(), data.get().length);
      pending = new Decode(load.cid(), data.get(), load.selector(), load.path());
      // the loader handed this array over: the event and the decoded node share it, read-only
      return BlockEvent.Loaded.adopt(load.cid(), load.path(), data.get());
    }
    if (options.missingBlocks() == MissingBlockPolicy.FAIL) {
      throw new MissingBlockException(load.cid(), load.path());
    }
    blocksMissing++;
    visitor.blockMissing(load.cid(), load.path());
    if (options.missingBlocks() == MissingBlockPolicy.SKIP_REMAINING_SIBLINGS && !stack.isEmpty()) {
      stack.pop();
    }
    return new BlockEvent.Missing(load.cid(), load.path());
  }

  private Node decode(Decode decode) {
    try {
      return decoder.decode(decode.cid(), decode.data());
    } catch (MalformedIpldException | UnsupportedCodecException failure) {
      throw new BlockDecodeException(decode.cid(), decode.path(), failure);
    }
  }

  private void visit(Node node, Selector selector, Path path) {
    if (nodesVisited >= options.maxNodes()) {
      throw new BudgetExceededException(
          BudgetExceededException.Bound.NODES, options.maxNodes(), path);
    }
    if (path.length() > options.maxPathLength()) {
      throw new BudgetExceededException(
          BudgetExceededException.Bound.PATH_LENGTH, options.maxPathLength(), path);
    }
    nodesVisited++;
    VisitControl control = visitor.visitNode(path, node, selector.decide(node));
    if (control == VisitControl.STOP) {
      stopped = true;
      finish();
    } else if (control == VisitControl.CONTINUE
        && (node instanceof Node.MapNode || node instanceof Node.ListNode)) {
      stack.push(new Frame(node, selector, path));
    }
  }

  private void finish() {
    done = true;
    pending = null;
    stack.clear();
  }
}
