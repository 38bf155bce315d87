package io.dt4j.ipld.car;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a CARv1 (graphsync spec §8.5): the DAG-CBOR map {@code {"roots": [links],
 * "version": 1}}. In a CARv2 this is the header of the inner CARv1 payload.
 *
 * @param version the CAR version written in the header; always 1
 * @param roots the root CIDs, possibly empty (the JS tools write empty root lists)
 */
public record CarHeader(int version, List<Cid> roots) {
  /** The only version a CARv1 header may carry. */
  public static final int V1 = 1;

  /**
   * Copies the roots and checks the version.
   *
   * @param version must be 1
   * @param roots the root CIDs
   * @throws IllegalArgumentException if the version is not 1
   */
  public CarHeader {
    if (version != V1) {
      throw new IllegalArgumentException("a CARv1 header has version 1, got " + version);
    }
    roots = List.copyOf(roots);
  }

  /**
   * Makes a version 1 header.
   *
   * @param roots the root CIDs
   * @return the header
   */
  public static CarHeader of(List<Cid> roots) {
    return new CarHeader(V1, roots);
  }

  /**
   * Encodes the header as canonical DAG-CBOR: keys {@code "roots"} then {@code "version"}, the
   * order the JS tools (ipld/car) and go-car write, so equal blocks give byte-equal CARs.
   *
   * @return the DAG-CBOR bytes, without the length varint
   */
  public byte[] toDagCbor() {
    List<Node> links = new ArrayList<>(roots.size());
    for (Cid root : roots) {
      links.add(Node.link(root));
    }
    Node header =
        Node.map().put("roots", new Node.ListNode(links)).put("version", Node.of(version)).build();
    return DagCbor.encodeCanonical(header);
  }

  /**
   * Decodes a CARv1 header. Keys other than {@code roots} and {@code version} are ignored.
   *
   * @param bytes the DAG-CBOR bytes, without the length varint
   * @return the header
   * @throws MalformedIpldException if the bytes are not DAG-CBOR, not a map, lack {@code roots} or
   *     {@code version}, hold a root that is not a link, or a version other than 1
   */
  public static CarHeader fromDagCbor(byte[] bytes) {
    if (!(DagCbor.decode(bytes) instanceof Node.MapNode map)) {
      throw new MalformedIpldException("CAR header is not a DAG-CBOR map");
    }
    if (!(map.entries().get("version") instanceof Node.Int version)) {
      throw new MalformedIpldException("CAR header has no integer \"version\"");
    }
    if (version.value() != V1) {
      throw new MalformedIpldException(
          "CAR header version is " + version.value() + ", expected 1 (or the CARv2 pragma)");
    }
    if (!(map.entries().get("roots") instanceof Node.ListNode rootList)) {
      throw new MalformedIpldException("CAR header has no \"roots\" list");
    }
    List<Cid> roots = new ArrayList<>(rootList.items().size());
    for (Node item : rootList.items()) {
      if (!(item instanceof Node.Link link)) {
        throw new MalformedIpldException("CAR header root #" + roots.size() + " is not a link");
      }
      roots.add(link.cid());
    }
    return of(roots);
  }
}
