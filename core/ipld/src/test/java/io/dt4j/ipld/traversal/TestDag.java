package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.selector.Selector;
import io.dt4j.ipld.selector.SelectorParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds small DAGs with named blocks and records traversals over them as readable lines. */
final class TestDag {
  final InMemoryBlockstore store = new InMemoryBlockstore();
  private final Map<Cid, String> names = new HashMap<>();

  /** Stores a DAG-CBOR block under a name used in recorded lines. */
  Cid cbor(String name, Node node) {
    return put(name, Block.of(Multicodec.DAG_CBOR, DagCbor.encode(node)));
  }

  /** Stores a raw block whose bytes are the name. */
  Cid raw(String name) {
    return put(name, Block.of(Multicodec.RAW, name.getBytes(StandardCharsets.UTF_8)));
  }

  Cid put(String name, Block block) {
    store.put(block);
    names.put(block.cid(), name);
    return block.cid();
  }

  /** Names a CID that is not stored. */
  Cid absent(String name) {
    Cid cid = Block.of(Multicodec.RAW, ("absent " + name).getBytes(StandardCharsets.UTF_8)).cid();
    names.put(cid, name);
    return cid;
  }

  String name(Cid cid) {
    return names.getOrDefault(cid, cid.toString());
  }

  Traversal traversal() {
    return Traversal.over(store::get);
  }

  /** The blocks of a whole traversal, as "name@path" (missing ones as "!name@path"). */
  List<String> blocks(Traversal traversal, Cid root, Node selector) throws IOException {
    return drain(
        traversal.start(root, SelectorParser.parse(selector), TraversalVisitor.CONTINUE_ALL));
  }

  List<String> blocks(Cid root, Node selector) throws IOException {
    return blocks(traversal(), root, selector);
  }

  List<String> drain(TraversalCursor cursor) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Optional<BlockEvent> e = cursor.nextBlock(); e.isPresent(); e = cursor.nextBlock()) {
      lines.add(line(e.get()));
    }
    return lines;
  }

  String line(BlockEvent event) {
    String prefix = event instanceof BlockEvent.Missing ? "!" : "";
    return prefix + name(event.cid()) + "@" + event.path();
  }

  /** A visitor recording "node path [match]" and "block name@path" lines, in callback order. */
  final class Recorder implements TraversalVisitor {
    final List<String> lines = new ArrayList<>();

    @Override
    public VisitControl visitNode(Path path, Node node, boolean matched) {
      lines.add("node " + path + (matched ? " match" : ""));
      return VisitControl.CONTINUE;
    }

    @Override
    public void blockLoaded(Cid cid, Path path, int size) {
      lines.add("block " + name(cid) + "@" + path);
    }

    @Override
    public void blockMissing(Cid cid, Path path) {
      lines.add("missing " + name(cid) + "@" + path);
    }

    List<String> run(Cid root, Selector selector) throws IOException {
      traversal().run(root, selector, this);
      return lines;
    }
  }

  static Node.MapNode map(String key, Node value) {
    return Node.map().put(key, value).build();
  }

  static Node.MapNode match() {
    return map(".", Node.map().build());
  }

  static Node.MapNode recursive(Node limit, Node sequence) {
    return map("R", Node.map().put("l", limit).put(":>", sequence).build());
  }

  static Node.MapNode depth(long depth) {
    return map("depth", Node.of(depth));
  }

  static Node.MapNode allEdge() {
    return map("a", map(">", map("@", Node.map().build())));
  }

  static Node.MapNode fields(Object... nameThenSelector) {
    Node.MapBuilder fields = Node.map();
    for (int i = 0; i < nameThenSelector.length; i += 2) {
      fields.put((String) nameThenSelector[i], (Node) nameThenSelector[i + 1]);
    }
    return map("f", map("f>", fields.build()));
  }
}
