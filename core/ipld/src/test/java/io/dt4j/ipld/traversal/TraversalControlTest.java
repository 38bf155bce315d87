package io.dt4j.ipld.traversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.selector.Selector;
import io.dt4j.ipld.selector.SelectorParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pausing, visitor control, missing blocks, bounds and failures. */
class TraversalControlTest {
  private static final Selector ALL = SelectorParser.parse(Selectors.EXPLORE_ALL);
  private final TestDag dag = new TestDag();

  /** A binary tree of DAG-CBOR blocks, {@code levels} deep, leaves raw. */
  private Cid tree(String name, int levels) {
    if (levels == 0) {
      return dag.raw(name);
    }
    return dag.cbor(
        name,
        Node.map()
            .put("left", Node.link(tree(name + "L", levels - 1)))
            .put("right", Node.link(tree(name + "R", levels - 1)))
            .build());
  }

  @Test
  void pausingAfterAnyNumberOfBlocksAndResumingGivesTheSameSequenceAsOnePass() throws IOException {
    Cid root = tree("t", 5);
    List<String> onePass = dag.blocks(root, Selectors.EXPLORE_ALL);
    assertThat(onePass).hasSize(63).startsWith("t@", "tL@left", "tLL@left/left");
    for (int pauseAfter = 0; pauseAfter <= onePass.size(); pauseAfter += 7) {
      TraversalCursor cursor = dag.traversal().start(root, ALL, TraversalVisitor.CONTINUE_ALL);
      List<String> resumed = new ArrayList<>();
      for (int i = 0; i < pauseAfter; i++) {
        resumed.add(dag.line(cursor.nextBlock().orElseThrow()));
      }
      // ... the responder sends what it has, waits, and later resumes with the same cursor:
      resumed.addAll(dag.drain(cursor));
      assertThat(resumed).isEqualTo(onePass);
      assertThat(cursor.isDone()).isTrue();
      assertThat(cursor.blocksLoaded()).isEqualTo(63);
    }
  }

  @Test
  void skipLeavesTheNodesChildrenAndStopEndsTheTraversal() throws IOException {
    Cid root = tree("t", 2);
    TraversalVisitor skipLeft =
        (path, node, matched) ->
            path.toString().equals("left") ? VisitControl.SKIP : VisitControl.CONTINUE;
    assertThat(dag.drain(dag.traversal().start(root, ALL, skipLeft)))
        .containsExactly("t@", "tL@left", "tR@right", "tRL@right/left", "tRR@right/right");
    TraversalVisitor stopAtRight =
        (path, node, matched) ->
            path.toString().equals("left/right") ? VisitControl.STOP : VisitControl.CONTINUE;
    TraversalCursor cursor = dag.traversal().start(root, ALL, stopAtRight);
    assertThat(dag.drain(cursor))
        .containsExactly("t@", "tL@left", "tLL@left/left", "tLR@left/right");
    assertThat(cursor.isStopped()).isTrue();
    assertThat(cursor.nextBlock()).isEmpty();
  }

  /** root {l: [A, X (absent), B], z: C}. */
  private Cid dagWithAMissingBlock() {
    Node list =
        Node.list(Node.link(dag.raw("A")), Node.link(dag.absent("X")), Node.link(dag.raw("B")));
    return dag.cbor("root", Node.map().put("l", list).put("z", Node.link(dag.raw("C"))).build());
  }

  private Traversal with(MissingBlockPolicy policy) {
    return dag.traversal().withOptions(TraversalOptions.defaults().withMissingBlocks(policy));
  }

  @Test
  void missingBlockFailsNamingTheCidAndPath() {
    Cid root = dagWithAMissingBlock();
    assertThatThrownBy(() -> dag.blocks(root, Selectors.EXPLORE_ALL))
        .isInstanceOfSatisfying(
            MissingBlockException.class,
            e -> {
              assertThat(dag.name(e.cid())).isEqualTo("X");
              assertThat(e.path()).hasToString("l/1");
              assertThat(e.getMessage()).contains(e.cid().toString()).contains("'l/1'");
            });
  }

  @Test
  void skippedMissingBlockIsReportedAndTheNextSiblingFollows() throws IOException {
    Cid root = dagWithAMissingBlock();
    assertThat(dag.blocks(with(MissingBlockPolicy.SKIP), root, Selectors.EXPLORE_ALL))
        .containsExactly("root@", "A@l/0", "!X@l/1", "B@l/2", "C@z");
    TestDag.Recorder recorder = dag.new Recorder();
    with(MissingBlockPolicy.SKIP).run(root, ALL, recorder);
    assertThat(recorder.lines).contains("missing X@l/1").doesNotContain("node l/1");
  }

  @Test
  void legacyPolicyAlsoSkipsTheRemainingSiblingsButNotTheParentsSiblings() throws IOException {
    Cid root = dagWithAMissingBlock();
    assertThat(
            dag.blocks(
                with(MissingBlockPolicy.SKIP_REMAINING_SIBLINGS), root, Selectors.EXPLORE_ALL))
        .containsExactly("root@", "A@l/0", "!X@l/1", "C@z");
  }

  @Test
  void missingRootIsOneMissingEventThenTheEnd() throws IOException {
    Cid root = dag.absent("root");
    assertThat(dag.blocks(with(MissingBlockPolicy.SKIP), root, Selectors.EXPLORE_ALL))
        .containsExactly("!root@");
  }

  @Test
  void boundsStopRunawayTraversals() {
    Cid root = tree("t", 3);
    Traversal twoBlocks = dag.traversal().withOptions(TraversalOptions.defaults().withMaxBlocks(2));
    assertThatThrownBy(() -> dag.blocks(twoBlocks, root, Selectors.EXPLORE_ALL))
        .isInstanceOfSatisfying(
            BudgetExceededException.class,
            e -> {
              assertThat(e.bound()).isEqualTo(BudgetExceededException.Bound.BLOCKS);
              assertThat(e.path()).hasToString("left/left");
            });
    Traversal shallow =
        dag.traversal().withOptions(TraversalOptions.defaults().withMaxPathLength(1));
    assertThatThrownBy(() -> dag.blocks(shallow, root, Selectors.EXPLORE_ALL))
        .isInstanceOfSatisfying(
            BudgetExceededException.class,
            e -> assertThat(e.bound()).isEqualTo(BudgetExceededException.Bound.PATH_LENGTH));
    Traversal fewNodes = dag.traversal().withOptions(TraversalOptions.defaults().withMaxNodes(3));
    assertThatThrownBy(() -> dag.blocks(fewNodes, root, Selectors.EXPLORE_ALL))
        .isInstanceOfSatisfying(
            BudgetExceededException.class,
            e -> assertThat(e.bound()).isEqualTo(BudgetExceededException.Bound.NODES));
  }

  @Test
  void blockOfAnUnknownCodecIsReportedThenFailsNamingTheCodec() throws IOException {
    Block json = Block.of(Multicodec.DAG_JSON, "{}".getBytes(StandardCharsets.UTF_8));
    Cid root = dag.cbor("root", Node.map().put("j", Node.link(dag.put("J", json))).build());
    TraversalCursor cursor = dag.traversal().start(root, ALL, TraversalVisitor.CONTINUE_ALL);
    assertThat(dag.line(cursor.nextBlock().orElseThrow())).isEqualTo("root@");
    assertThat(dag.line(cursor.nextBlock().orElseThrow())).isEqualTo("J@j");
    assertThatThrownBy(cursor::nextBlock)
        .isInstanceOfSatisfying(
            BlockDecodeException.class,
            e -> {
              assertThat(e.cid()).isEqualTo(json.cid());
              assertThat(e.getCause())
                  .isInstanceOf(UnsupportedCodecException.class)
                  .hasMessageContaining("dag-json");
            });
    assertThat(cursor.isDone()).isTrue();
  }

  @Test
  void malformedDagCborBlockFailsWithTheCidAndTheDecoderError() {
    Block bad = Block.of(Multicodec.DAG_CBOR, new byte[] {(byte) 0xa1});
    Cid root = dag.cbor("root", Node.list(Node.link(dag.put("bad", bad))));
    assertThatThrownBy(() -> dag.blocks(root, Selectors.EXPLORE_ALL))
        .isInstanceOf(BlockDecodeException.class)
        .hasCauseInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'0'");
  }

  @Test
  void loaderFailureCanBeRetriedFromTheSameLoad() throws IOException {
    Cid root = tree("t", 1);
    AtomicInteger calls = new AtomicInteger();
    BlockLoader flaky =
        cid -> {
          if (calls.incrementAndGet() == 2) {
            throw new IOException("disk hiccup");
          }
          return dag.store.get(cid);
        };
    TraversalCursor cursor = Traversal.over(flaky).start(root, ALL, TraversalVisitor.CONTINUE_ALL);
    assertThat(dag.line(cursor.nextBlock().orElseThrow())).isEqualTo("t@");
    assertThatThrownBy(cursor::nextBlock).isInstanceOf(IOException.class);
    assertThat(dag.drain(cursor)).containsExactly("tL@left", "tR@right");
  }

  @Test
  void startingAtAnInMemoryNodeLoadsOnlyItsLinks() throws IOException {
    Node node = Node.list(Node.link(dag.raw("A")), Node.of(7));
    assertThat(dag.drain(dag.traversal().startAt(node, ALL, TraversalVisitor.CONTINUE_ALL)))
        .containsExactly("A@0");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS) // a guard against hangs; it takes < 1 s warm
  void aHundredThousandDeepLinkedListDoesNotOverflowTheStack() throws IOException {
    int depth = 100_000;
    // Blocks made on demand: block i (i > 0) is {"next": link to block i-1}, block 0 is raw. The
    // CIDs carry i in an identity multihash, so no hashing and no store of 100k blocks is needed.
    BlockLoader chain =
        cid -> {
          int i = ByteBuffer.wrap(cid.multihash().digest()).getInt();
          return Optional.of(
              i == 0
                  ? new byte[] {0}
                  : DagCbor.encode(Node.map().put("next", Node.link(chainCid(i - 1))).build()));
        };
    TraversalCursor cursor =
        Traversal.over(chain).start(chainCid(depth), ALL, TraversalVisitor.CONTINUE_ALL);
    Optional<BlockEvent> last = Optional.empty();
    for (Optional<BlockEvent> e = cursor.nextBlock(); e.isPresent(); e = cursor.nextBlock()) {
      last = e;
    }
    assertThat(cursor.blocksLoaded()).isEqualTo(depth + 1);
    assertThat(last.orElseThrow().cid()).isEqualTo(chainCid(0));
    assertThat(last.get().path().length()).isEqualTo(depth);
  }

  private static Cid chainCid(int index) {
    byte[] digest = ByteBuffer.allocate(4).putInt(index).array();
    return Cid.v1(
        index == 0 ? Multicodec.RAW : Multicodec.DAG_CBOR,
        Multihash.of(Multicodec.IDENTITY, digest));
  }
}
