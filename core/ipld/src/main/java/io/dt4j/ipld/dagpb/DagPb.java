package io.dt4j.ipld.dagpb;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.protobuf.ProtobufReader;
import io.dt4j.ipld.protobuf.ProtobufReader.Tag;
import io.dt4j.ipld.protobuf.ProtobufWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The dag-pb codec (graphsync spec §8.3, ipld dag-pb spec). Wire format, proto2:
 *
 * <pre>
 * PBNode: Links = 2 (repeated PBLink, length-delimited) ... written FIRST, in list order
 *         Data  = 1 (bytes)                            ... written after all Links, if present
 * PBLink: Hash  = 1 (bytes: binary CID, required)
 *         Name  = 2 (string, optional)
 *         Tsize = 3 (varint uint64, optional)          ... in field order 1, 2, 3
 * </pre>
 *
 * <p>The decoder is as strict as go-codec-dagpb: Links never after Data, at most one Data, no
 * unknown fields, wire types checked, link fields in order without duplicates, Hash present and a
 * valid CID, lengths within the input. In addition, varints must be minimal and names valid UTF-8.
 * The data-model form ({@link #toNode}) is {@code {"Links": [{"Hash", "Name"?, "Tsize"?}],
 * "Data"?}}, keys in that order, absent optional fields absent (§6.4).
 */
public final class DagPb {
  private static final int NODE_DATA = 1;
  private static final int NODE_LINKS = 2;
  private static final int LINK_HASH = 1;
  private static final int LINK_NAME = 2;
  private static final int LINK_TSIZE = 3;

  private DagPb() {}

  /**
   * Encodes a node canonically: all links in the given order, then the data if present.
   *
   * @param node the node
   * @return the block bytes; the empty node gives an empty array
   */
  public static byte[] encode(PbNode node) {
    byte[] data = node.dataUnsafe();
    int hint = (data == null ? 0 : data.length + 6) + node.links().size() * 48;
    ProtobufWriter out = new ProtobufWriter(hint);
    for (PbLink link : node.links()) {
      out.bytesField(NODE_LINKS, encodeLink(link));
    }
    if (data != null) {
      out.bytesField(NODE_DATA, data);
    }
    return out.toByteArray();
  }

  private static byte[] encodeLink(PbLink link) {
    ProtobufWriter out = new ProtobufWriter(48);
    out.bytesField(LINK_HASH, link.hash().toBytes());
    link.name().ifPresent(name -> out.stringField(LINK_NAME, name));
    link.tsize().ifPresent(tsize -> out.varintField(LINK_TSIZE, tsize));
    return out.toByteArray();
  }

  /**
   * Decodes a dag-pb block strictly.
   *
   * @param bytes the block bytes
   * @return the node
   * @throws MalformedIpldException naming the byte offset of the first violation
   */
  public static PbNode decode(byte[] bytes) {
    ProtobufReader in = ProtobufReader.of(bytes);
    List<PbLink> links = new ArrayList<>();
    byte[] data = null;
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      if (tag.wireType() != ProtobufReader.LENGTH_DELIMITED) {
        throw malformed(
            "PBNode field "
                + tag.fieldNumber()
                + " has wire type "
                + tag.wireType()
                + ", expected 2",
            tag);
      }
      if (tag.fieldNumber() == NODE_DATA) {
        if (data != null) {
          throw malformed("duplicate PBNode Data", tag);
        }
        data = in.readBytes();
      } else if (tag.fieldNumber() == NODE_LINKS) {
        if (data != null) {
          throw malformed("PBNode Links after Data", tag);
        }
        links.add(decodeLink(in.readEmbedded()));
      } else {
        throw malformed("unknown PBNode field " + tag.fieldNumber(), tag);
      }
    }
    return new PbNode(links, Optional.ofNullable(data));
  }

  private static PbLink decodeLink(ProtobufReader in) {
    int start = in.position();
    Cid hash = null;
    Optional<String> name = Optional.empty();
    OptionalLong tsize = OptionalLong.empty();
    int lastField = 0;
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      int field = tag.fieldNumber();
      checkLinkField(tag, lastField);
      lastField = field;
      if (field == LINK_HASH) {
        hash = readCid(in, tag);
      } else if (field == LINK_NAME) {
        name = Optional.of(in.readString());
      } else {
        tsize = OptionalLong.of(in.readVarint());
      }
    }
    if (hash == null) {
      throw new MalformedIpldException("dag-pb: PBLink at byte offset " + start + " has no Hash");
    }
    return new PbLink(hash, name, tsize);
  }

  /** Known field, after the previous one (so no duplicates), with the table's wire type. */
  private static void checkLinkField(Tag tag, int lastField) {
    int field = tag.fieldNumber();
    if (field < LINK_HASH || field > LINK_TSIZE) {
      throw malformed("unknown PBLink field " + field, tag);
    }
    if (field <= lastField) {
      throw malformed(
          field == lastField ? "duplicate PBLink field " + field : "PBLink fields out of order",
          tag);
    }
    int expectedWire =
        field == LINK_TSIZE ? ProtobufReader.VARINT : ProtobufReader.LENGTH_DELIMITED;
    if (tag.wireType() != expectedWire) {
      throw malformed(
          "PBLink field "
              + field
              + " has wire type "
              + tag.wireType()
              + ", expected "
              + expectedWire,
          tag);
    }
  }

  private static Cid readCid(ProtobufReader in, Tag tag) {
    int offset = tag.offset();
    byte[] cidBytes = in.readBytes();
    try {
      return Cid.fromBytes(cidBytes);
    } catch (MalformedIpldException e) {
      throw new MalformedIpldException(
          "dag-pb: PBLink Hash at byte offset " + offset + " is not a CID (" + e.getMessage() + ")",
          e);
    }
  }

  private static MalformedIpldException malformed(String problem, Tag tag) {
    return new MalformedIpldException("dag-pb: " + problem + " at byte offset " + tag.offset());
  }

  /**
   * Makes a block of the encoded node with a sha2-256 CID.
   *
   * @param node the node
   * @param cidVersion 0 for a CIDv0 ({@code Qm…}), 1 for a CIDv1 with codec dag-pb
   * @return the block
   * @throws IllegalArgumentException if the version is neither 0 nor 1
   */
  public static Block block(PbNode node, int cidVersion) {
    byte[] bytes = encode(node);
    return Block.adoptVerified(cid(bytes, cidVersion), bytes);
  }

  /**
   * Returns the CID of encoded dag-pb bytes.
   *
   * @param bytes the block bytes
   * @param cidVersion 0 or 1
   * @return the sha2-256 CID
   * @throws IllegalArgumentException if the version is neither 0 nor 1
   */
  public static Cid cid(byte[] bytes, int cidVersion) {
    Multihash multihash = Multihash.sha256(bytes);
    return switch (cidVersion) {
      case 0 -> Cid.v0(multihash);
      case 1 -> Cid.v1(Multicodec.DAG_PB, multihash);
      default ->
          throw new IllegalArgumentException("CID version must be 0 or 1, got " + cidVersion);
    };
  }

  /**
   * Returns the node in the go-codec-dagpb data-model form; see the class comment.
   *
   * @param node the node
   * @return {@code {"Links": [...], "Data"?: bytes}}
   */
  public static Node.MapNode toNode(PbNode node) {
    return DagPbNodes.toNode(node);
  }

  /**
   * Reads a node from its data-model form; see the class comment.
   *
   * @param node a map with "Links" (required list) and "Data" (optional bytes), no other keys
   * @return the node
   * @throws MalformedIpldException if the shape does not fit the dag-pb schema
   */
  public static PbNode fromNode(Node node) {
    return DagPbNodes.fromNode(node);
  }
}
