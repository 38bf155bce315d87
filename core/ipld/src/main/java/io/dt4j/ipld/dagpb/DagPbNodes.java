package io.dt4j.ipld.dagpb;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Converts between {@link PbNode} and its IPLD data-model form, the dag-pb schema of
 * go-codec-dagpb:
 *
 * <pre>
 * type PBNode struct { Links [PBLink]; Data optional Bytes }
 * type PBLink struct { Hash Link; Name optional String; Tsize optional Int }
 * </pre>
 *
 * Keys come in schema order; "Links" is always present (maybe empty); optional fields are absent
 * when absent on the wire (never null). Selectors address blocks as {@code Links/i/Hash} (§6.4).
 */
final class DagPbNodes {
  private static final String LINKS = "Links";
  private static final String DATA = "Data";
  private static final String HASH = "Hash";
  private static final String NAME = "Name";
  private static final String TSIZE = "Tsize";

  private DagPbNodes() {}

  static Node.MapNode toNode(PbNode node) {
    List<Node> links = new ArrayList<>(node.links().size());
    for (PbLink link : node.links()) {
      Node.MapBuilder map = Node.map().put(HASH, Node.link(link.hash()));
      link.name().ifPresent(name -> map.put(NAME, Node.of(name)));
      link.tsize().ifPresent(tsize -> map.put(TSIZE, Node.of(tsize)));
      links.add(map.build());
    }
    Node.MapBuilder map = Node.map().put(LINKS, new Node.ListNode(links));
    byte[] data = node.dataUnsafe();
    if (data != null) {
      map.put(DATA, Node.of(data));
    }
    return map.build();
  }

  static PbNode fromNode(Node node) {
    Map<String, Node> entries = entries(node, "PBNode", Set.of(LINKS, DATA));
    if (!(entries.get(LINKS) instanceof Node.ListNode list)) {
      throw shape("PBNode needs \"Links\" as a list, got " + kindOf(entries.get(LINKS)));
    }
    List<PbLink> links = new ArrayList<>(list.items().size());
    for (int i = 0; i < list.items().size(); i++) {
      links.add(linkFromNode(list.items().get(i), i));
    }
    Node data = entries.get(DATA);
    if (data == null) {
      return new PbNode(links, Optional.empty());
    }
    if (!(data instanceof Node.Bytes bytes)) {
      throw shape("PBNode \"Data\" must be bytes, got " + kindOf(data));
    }
    return new PbNode(links, Optional.of(bytes.value()));
  }

  private static PbLink linkFromNode(Node node, int index) {
    String where = "PBLink " + index;
    Map<String, Node> entries = entries(node, where, Set.of(HASH, NAME, TSIZE));
    if (!(entries.get(HASH) instanceof Node.Link hash)) {
      throw shape(where + " needs \"Hash\" as a link, got " + kindOf(entries.get(HASH)));
    }
    Optional<String> name = Optional.empty();
    Node nameNode = entries.get(NAME);
    if (nameNode != null) {
      if (!(nameNode instanceof Node.Str str)) {
        throw shape(where + " \"Name\" must be a string, got " + kindOf(nameNode));
      }
      name = Optional.of(str.value());
    }
    OptionalLong tsize = OptionalLong.empty();
    Node tsizeNode = entries.get(TSIZE);
    if (tsizeNode != null) {
      if (!(tsizeNode instanceof Node.Int size) || size.value() < 0) {
        throw shape(where + " \"Tsize\" must be a non-negative int, got " + tsizeNode);
      }
      tsize = OptionalLong.of(size.value());
    }
    return new PbLink(hash.cid(), name, tsize);
  }

  private static Map<String, Node> entries(Node node, String what, Set<String> allowed) {
    if (!(node instanceof Node.MapNode map)) {
      throw shape(what + " must be a map, got " + kindOf(node));
    }
    for (String key : map.entries().keySet()) {
      if (!allowed.contains(key)) {
        throw shape(what + " has unknown key \"" + key + "\"");
      }
    }
    return map.entries();
  }

  private static String kindOf(Node node) {
    return node == null ? "nothing" : node.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static MalformedIpldException shape(String problem) {
    return new MalformedIpldException("dag-pb data model: " + problem);
  }
}
