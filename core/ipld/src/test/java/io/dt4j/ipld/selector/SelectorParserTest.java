package io.dt4j.ipld.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorParserTest {
  private static final HexFormat HEX = HexFormat.of();

  private static Selector parseHex(String hex) {
    return SelectorParser.parse(DagCbor.decode(HEX.parseHex(hex)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // graphsync spec §6.5: explore-all recursively, match-all recursively, depth 100, match
        "a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea16140a0",
        "a16152a2616ca1646e6f6e65a0623a3ea1617c82a1612ea0a16161a1613ea16140a0",
        "a16152a2616ca16564657074681864623a3ea16161a1613ea16140a0",
        "a1612ea0"
      })
  void commonSelectorsRoundTripToTheSameBytes(String hex) {
    assertThat(HEX.formatHex(DagCbor.encode(parseHex(hex).toNode()))).isEqualTo(hex);
  }

  @Test
  void exploreRangeWritesGoBuilderOrderAndReadsCanonicalOrder() {
    // §6.5 lists the canonical order ($, >, ^); go-ipld-prime ≤ v0.10 writes ^, $, >.
    Selector range = parseHex("a16172a3612405613ea1612ea0615e00");
    assertThat(range).isEqualTo(new ExploreRange(0, 5, new Matcher()));
    assertThat(HEX.formatHex(DagCbor.encodeCanonical(range.toNode())))
        .isEqualTo("a16172a3612405613ea1612ea0615e00");
    assertThat(HEX.formatHex(DagCbor.encode(range.toNode())))
        .isEqualTo("a16172a3615e00612405613ea1612ea0");
  }

  @Test
  void selectorsConstantsParseToTheExpectedRecords() {
    Selector all = SelectorParser.parse(Selectors.EXPLORE_ALL);
    assertThat(all)
        .isEqualTo(
            new ExploreRecursive(
                RecursionLimit.NONE, new ExploreAll(new ExploreRecursiveEdge()), Optional.empty()));
    assertThat(all.toNode()).isEqualTo(Selectors.EXPLORE_ALL);
    assertThat(SelectorParser.parse(Selectors.MATCH_SELF)).isEqualTo(new Matcher());
  }

  @Test
  void exploreFieldsKeepsTheSelectorsFieldOrderThroughARoundTrip() {
    Node node =
        map(
            "f",
            map("f>", Node.map().put("z", match()).put("a", match()).put("m", match()).build()));
    ExploreFields fields = (ExploreFields) SelectorParser.parse(node);
    assertThat(fields.fields().keySet()).containsExactly("z", "a", "m");
    assertThat(((Interests.Segments) fields.interests()).segments())
        .containsExactly(PathSegment.of("z"), PathSegment.of("a"), PathSegment.of("m"));
    assertThat(DagCbor.encode(fields.toNode())).isEqualTo(DagCbor.encode(node));
  }

  @Test
  void indexStopAtLabelAndSubsetRoundTrip() {
    Cid stop = Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    Node node =
        map(
            "R",
            Node.map()
                .put("l", map("depth", Node.of(3)))
                .put(
                    ":>",
                    map("i", Node.map().put("i", Node.of(1)).put(">", map("@", empty())).build()))
                .put("!", map("/", Node.link(stop)))
                .build());
    ExploreRecursive recursive = (ExploreRecursive) SelectorParser.parse(node);
    assertThat(recursive.stopAt()).contains(new Condition.IsLink(stop));
    assertThat(recursive.limit()).isEqualTo(new RecursionLimit.Depth(3));
    assertThat(DagCbor.encode(recursive.toNode())).isEqualTo(DagCbor.encode(node));

    Node labelled =
        map(
            ".",
            Node.map()
                .put("label", Node.of("x"))
                .put("subset", Node.map().put("[", Node.of(2)).put("]", Node.of(9)).build())
                .build());
    assertThat(SelectorParser.parse(labelled))
        .isEqualTo(new Matcher(Optional.of("x"), Optional.of(new Matcher.Subset(2, 9))));
    assertThat(DagCbor.encode(SelectorParser.parse(labelled).toNode()))
        .isEqualTo(DagCbor.encode(labelled));
  }

  @Test
  void nestedRecursionEdgesBindToTheInnermostRecursion() {
    Node inner =
        map(
            "R",
            Node.map()
                .put("l", map("none", empty()))
                .put(":>", map("a", map(">", map("@", empty()))))
                .build());
    Node outer =
        map(
            "R",
            Node.map()
                .put("l", map("depth", Node.of(2)))
                .put(":>", map("|", Node.list(inner, map("a", map(">", map("@", empty()))))))
                .build());
    assertThat(SelectorParser.parse(outer)).isInstanceOf(ExploreRecursive.class);
    // The outer recursion has no edge of its own when its only edge sits in the inner one.
    Node noOuterEdge =
        map(
            "R",
            Node.map().put("l", map("none", empty())).put(":>", map("a", map(">", inner))).build());
    assertThatThrownBy(() -> SelectorParser.parse(noOuterEdge))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("at /R/:>:");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        // hex of the DAG-CBOR selector; path reported; words of the reason
        "01; /; must be a map",
        "a26161a1613ea1612ea0612ea0; /; one entry expected",
        "a16178a0; /x; unknown selector kind",
        "a16126a0; /&; ExploreConditional",
        "a16161a1613ea16140a0; /a/>/@; outside an ExploreRecursive",
        "a16161a0; /a; missing \">\"",
        "a16161a2613ea1612ea06178a0; /a; unknown key \"x\"",
        "a16166a162663e80; /f/f>; must be a map",
        "a16172a3615e05612405613ea1612ea0; /r/$; must be after start",
        "a16172a3615e20612405613ea1612ea0; /r/^; must not be negative",
        "a16169a2616920613ea1612ea0; /i/i; must not be negative",
        "a16169a261696131613ea1612ea0; /i/i; expected an integer",
        "a1617ca1612ea0; /|; must be a list",
        "a1617c82a1612ea005; /|/1; must be a map",
        "a16152a2616ca165646570746820623a3ea16161a1613ea16140a0; /R/l/depth; must not be negative",
        "a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea1612ea0; /R/:>; at least one ExploreRecursiveEdge",
        "a16152a2616ca1646e6f6e65a0623a3ea16140a0; /R/:>; must explore before",
        "a16152a2616ca167666f7265766572a0623a3ea16161a1613ea16140a0; /R/l; unknown recursion limit",
        "a16152a1616ca1646e6f6e65a0; /R; missing \":>\"",
        "a16152a3616ca1646e6f6e65a0623a3ea16161a1613ea16140a06121a16178a0; /R/!; only condition",
        "a1612ea1666f6e6c794966a0; /.; unknown key \"onlyIf\"",
        "a16140a16178a0; /@; unknown key \"x\""
      })
  void invalidSelectorsAreRejectedNamingThePath(String hex, String path, String reason) {
    assertThatThrownBy(() -> parseHex(hex))
        .isInstanceOfSatisfying(
            InvalidSelectorException.class,
            error -> {
              assertThat(error.path()).isEqualTo(path);
              assertThat(error.reason()).contains(reason);
              assertThat(error.getMessage()).startsWith("invalid selector at " + path + ": ");
            });
  }

  @Test
  void aRangeWiderThanTheBoundIsRejected() {
    Node wide =
        map(
            "r",
            Node.map()
                .put("^", Node.of(0))
                .put("$", Node.of(ExploreRange.MAX_WIDTH + 1))
                .put(">", match())
                .build());
    assertThatThrownBy(() -> SelectorParser.parse(wide))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("/r: range wider than");
  }

  @Test
  void emptyUnionIsAcceptedAsGoDoes() {
    assertThat(SelectorParser.parse(map("|", Node.list()))).isEqualTo(new ExploreUnion(List.of()));
  }

  static Node.MapNode map(String key, Node value) {
    return Node.map().put(key, value).build();
  }

  static Node.MapNode empty() {
    return Node.map().build();
  }

  static Node.MapNode match() {
    return map(".", empty());
  }
}
