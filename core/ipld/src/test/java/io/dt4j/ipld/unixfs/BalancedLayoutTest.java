package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tree shape and the memory bound of the streaming balanced layout, with fake nodes. */
class BalancedLayoutTest {
  /** Records each reduction as the sizes of the children, and names parents "p1", "p2", … */
  private final List<List<Long>> reductions = new ArrayList<>();

  private FileLink reduce(List<FileLink> children) {
    reductions.add(children.stream().map(FileLink::fileBytes).toList());
    long bytes = children.stream().mapToLong(FileLink::fileBytes).sum();
    return new FileLink(fakeCid(-reductions.size()), bytes, bytes);
  }

  private static FileLink leaf(long index) {
    return new FileLink(fakeCid(index), 1, 1);
  }

  private static Cid fakeCid(long id) {
    byte[] digest = ByteBuffer.allocate(32).putLong(id).array();
    return Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.SHA2_256, digest));
  }

  @Test
  void oneLeafIsItsOwnRoot() {
    BalancedLayout layout = new BalancedLayout(4, this::reduce);
    FileLink only = leaf(0);
    layout.addLeaf(only);
    assertThat(layout.finish()).isEqualTo(only);
    assertThat(reductions).isEmpty();
  }

  @Test
  void exactlyOneFullRowGivesOneParent() {
    BalancedLayout layout = new BalancedLayout(4, this::reduce);
    for (int i = 0; i < 4; i++) {
      layout.addLeaf(leaf(i));
    }
    assertThat(layout.finish().fileBytes()).isEqualTo(4);
    assertThat(reductions).containsExactly(List.of(1L, 1L, 1L, 1L));
  }

  @Test
  void oneLeafOverAFullRowMakesAOneChildParentLikeTheJsImporter() {
    BalancedLayout layout = new BalancedLayout(4, this::reduce);
    for (int i = 0; i < 5; i++) {
      layout.addLeaf(leaf(i));
    }
    assertThat(layout.finish().fileBytes()).isEqualTo(5);
    assertThat(reductions).containsExactly(List.of(1L, 1L, 1L, 1L), List.of(1L), List.of(4L, 1L));
  }

  @Test
  void seventeenLeavesOfFourBuildThreeLevelsInPostOrder() {
    BalancedLayout layout = new BalancedLayout(4, this::reduce);
    for (int i = 0; i < 17; i++) {
      layout.addLeaf(leaf(i));
    }
    layout.finish();
    // 4 full parents, the 16-byte node right after the 4th, then the tail: [1], [16, 1], root
    assertThat(reductions)
        .containsExactly(
            List.of(1L, 1L, 1L, 1L),
            List.of(1L, 1L, 1L, 1L),
            List.of(1L, 1L, 1L, 1L),
            List.of(1L, 1L, 1L, 1L),
            List.of(4L, 4L, 4L, 4L),
            List.of(1L),
            List.of(1L),
            List.of(16L, 1L));
  }

  @Test
  void pendingLinksStayWithinOneRowPerLevelForAMillionLeaves() {
    int maxLinks = 4;
    Cid cid = fakeCid(0);
    BalancedLayout layout =
        new BalancedLayout(
            maxLinks,
            children -> {
              long bytes = children.stream().mapToLong(FileLink::fileBytes).sum();
              return new FileLink(cid, bytes, bytes);
            });
    FileLink leaf = new FileLink(cid, 1, 1);
    int worst = 0;
    for (int i = 0; i < 1_000_000; i++) {
      layout.addLeaf(leaf);
      worst = Math.max(worst, layout.pendingLinks());
      // a full row is reduced at once, so each level holds at most maxLinks - 1 between leaves
      if (layout.pendingLinks() > layout.levels() * (maxLinks - 1)) {
        throw new AssertionError(layout.pendingLinks() + " pending after leaf " + i);
      }
    }
    assertThat(layout.levels()).isEqualTo(10); // ceil(log4(1e6)) = 10
    assertThat(worst).isLessThanOrEqualTo(30);
    assertThat(layout.finish().fileBytes()).isEqualTo(1_000_000);
  }

  @Test
  void rejectsFewerThanTwoLinksAndFinishingEmpty() {
    assertThatThrownBy(() -> new BalancedLayout(1, this::reduce))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BalancedLayout(2, this::reduce).finish())
        .isInstanceOf(IllegalStateException.class);
  }
}
