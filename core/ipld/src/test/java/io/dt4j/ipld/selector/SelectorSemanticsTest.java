package io.dt4j.ipld.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The go-ipld-prime answers (interests, explore, decide) of each selector variant. */
class SelectorSemanticsTest {
  private static final Node LIST = Node.list(Node.of(0), Node.of(1), Node.of(2));
  private static final Node MAP = Node.map().put("a", Node.of(1)).put("2", Node.of(2)).build();
  private static final Selector EDGE = new ExploreRecursiveEdge();

  @Test
  void onlyMatcherDecidesAndItExploresNothing() {
    Matcher matcher = new Matcher();
    assertThat(matcher.decide(LIST)).isTrue();
    assertThat(matcher.interests()).isEqualTo(new Interests.Segments(List.of()));
    assertThat(matcher.explore(LIST, PathSegment.of(0))).isEmpty();
    assertThat(new ExploreAll(matcher).decide(LIST)).isFalse();
    assertThat(new ExploreUnion(List.of(new ExploreAll(matcher), matcher)).decide(LIST)).isTrue();
  }

  @Test
  void indexAndRangeExploreListsOnly() {
    Matcher next = new Matcher();
    assertThat(new ExploreIndex(2, next).explore(LIST, PathSegment.of(2))).contains(next);
    assertThat(new ExploreIndex(2, next).explore(LIST, PathSegment.of("2"))).contains(next);
    assertThat(new ExploreIndex(2, next).explore(MAP, PathSegment.of(2))).isEmpty();
    ExploreRange range = new ExploreRange(1, 3, next);
    assertThat(((Interests.Segments) range.interests()).segments())
        .containsExactly(PathSegment.of(1), PathSegment.of(2));
    assertThat(range.explore(LIST, PathSegment.of(0))).isEmpty();
    assertThat(range.explore(LIST, PathSegment.of(2))).contains(next);
    assertThat(range.explore(MAP, PathSegment.of(2))).isEmpty();
  }

  @Test
  void fieldsAddressListPositionsByDecimalName() {
    ExploreFields fields = new ExploreFields(Map.of("1", new Matcher()));
    assertThat(PathSegment.of("1").lookupIn(LIST)).contains(Node.of(1));
    assertThat(PathSegment.of(2).lookupIn(MAP)).contains(Node.of(2));
    assertThat(PathSegment.of("+1").asIndex()).hasValue(1);
    assertThat(PathSegment.of("١").asIndex()).isEmpty();
    assertThat(fields.explore(LIST, PathSegment.of("1"))).contains(new Matcher());
  }

  @Test
  void unionInterestsAreAllIfAnyMemberWantsAllElseConcatenatedWithDuplicates() {
    ExploreFields a = new ExploreFields(Map.of("a", new Matcher()));
    ExploreUnion listed = new ExploreUnion(List.of(a, new ExploreIndex(2, new Matcher()), a));
    assertThat(((Interests.Segments) listed.interests()).segments())
        .containsExactly(PathSegment.of("a"), PathSegment.of(2), PathSegment.of("a"));
    assertThat(new ExploreUnion(List.of(a, new ExploreAll(new Matcher()))).interests())
        .isEqualTo(Interests.ALL);
  }

  @Test
  void unionExploreFoldsToNoneOneOrAUnion() {
    Matcher m = new Matcher();
    ExploreUnion union =
        new ExploreUnion(List.of(new ExploreFields(Map.of("a", m)), new ExploreIndex(0, m)));
    assertThat(union.explore(MAP, PathSegment.of("zz"))).isEmpty();
    assertThat(union.explore(MAP, PathSegment.of("a"))).contains(m);
    ExploreUnion both = new ExploreUnion(List.of(new ExploreAll(m), new ExploreIndex(0, m)));
    assertThat(both.explore(LIST, PathSegment.of(0))).contains(new ExploreUnion(List.of(m, m)));
  }

  @Test
  void recursionWithoutLimitRestartsTheSequenceAtEachEdge() {
    Selector sequence = new ExploreAll(EDGE);
    ExploreRecursive start = new ExploreRecursive(RecursionLimit.NONE, sequence, Optional.empty());
    assertThat(start.explore(LIST, PathSegment.of(0)))
        .contains(new ExploreRecursive(RecursionLimit.NONE, sequence, Optional.empty()));
  }

  @Test
  void depthCountsDownAndBelowTwoTheEdgeIsDropped() {
    Selector sequence = new ExploreAll(EDGE);
    ExploreRecursive two =
        new ExploreRecursive(new RecursionLimit.Depth(2), sequence, Optional.empty());
    Optional<Selector> one = two.explore(LIST, PathSegment.of(0));
    assertThat(one)
        .contains(new ExploreRecursive(new RecursionLimit.Depth(1), sequence, Optional.empty()));
    assertThat(one.get().explore(LIST, PathSegment.of(0))).isEmpty();
    ExploreRecursive zero =
        new ExploreRecursive(new RecursionLimit.Depth(0), sequence, Optional.empty());
    assertThat(zero.explore(LIST, PathSegment.of(0))).isEmpty();
  }

  @Test
  void aUnionEdgeIsDroppedAtTheLastLevelLeavingTheOtherMembers() {
    Matcher m = new Matcher();
    Selector sequence = new ExploreAll(new ExploreUnion(List.of(m, EDGE)));
    ExploreRecursive last =
        new ExploreRecursive(new RecursionLimit.Depth(1), sequence, Optional.empty());
    assertThat(last.explore(LIST, PathSegment.of(1))).contains(m);
    ExploreRecursive more =
        new ExploreRecursive(new RecursionLimit.Depth(5), sequence, Optional.empty());
    assertThat(more.explore(LIST, PathSegment.of(1)))
        .contains(
            new ExploreRecursive(
                new RecursionLimit.Depth(4),
                sequence,
                Optional.empty(),
                new ExploreUnion(List.of(m, sequence))));
  }

  @Test
  void stopAtConditionLeavesTheMatchingLinkUnexplored() {
    io.dt4j.ipld.Cid cid = io.dt4j.ipld.Cid.parse("bafkqaatine");
    Node withLink = Node.list(Node.link(cid), Node.of(1));
    ExploreRecursive recursive =
        new ExploreRecursive(
            RecursionLimit.NONE, new ExploreAll(EDGE), Optional.of(new Condition.IsLink(cid)));
    assertThat(recursive.explore(withLink, PathSegment.of(0))).isEmpty();
    assertThat(recursive.explore(withLink, PathSegment.of(1))).isPresent();
  }
}
