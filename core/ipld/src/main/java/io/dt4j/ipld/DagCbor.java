package io.dt4j.ipld;

import io.dt4j.ipld.cbor.CborWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The DAG-CBOR codec (multicodec 0x71): CBOR restricted to the IPLD data model, links as tag 42
 * around {@code 0x00 · binary CID} (data-transfer spec §2.6).
 *
 * <p>Two encoders exist because Go peers differ: go-ipld-prime of the go-data-transfer v1 era
 * writes map keys in the node's insertion order (data-transfer spec §2.8), which {@link
 * #encode(Node)} reproduces byte for byte; {@link #encodeCanonical(Node)} sorts keys as the
 * DAG-CBOR spec asks (shorter first, then bytewise). The decoder accepts either order.
 */
public final class DagCbor {
  /** Map key order of the DAG-CBOR spec: by UTF-8 length, then bytewise (unsigned). */
  private static final Comparator<byte[]> CANONICAL_KEY_ORDER =
      Comparator.<byte[]>comparingInt(key -> key.length).thenComparing(Arrays::compareUnsigned);

  private DagCbor() {}

  /**
   * Encodes a node, writing map entries in each map's own (insertion) order.
   *
   * @param node the node
   * @return the DAG-CBOR bytes
   * @throws IllegalArgumentException if the node holds a NaN or infinite float or a string with a
   *     lone surrogate
   */
  public static byte[] encode(Node node) {
    CborWriter writer = new CborWriter();
    write(writer, node, false);
    return writer.toByteArray();
  }

  /**
   * Encodes a node with map keys in DAG-CBOR canonical order (length first, then bytewise).
   *
   * @param node the node
   * @return the canonical DAG-CBOR bytes
   * @throws IllegalArgumentException if the node holds a NaN or infinite float or a string with a
   *     lone surrogate
   */
  public static byte[] encodeCanonical(Node node) {
    CborWriter writer = new CborWriter();
    write(writer, node, true);
    return writer.toByteArray();
  }

  /**
   * Decodes exactly one DAG-CBOR item. Strict: rejects indefinite lengths, integers and lengths not
   * in shortest form, integers outside the signed 64-bit range, non-string or duplicate map keys,
   * tags other than 42, a tag 42 not wrapping {@code 0x00 · CID}, simple values other than
   * false/true/null, 16- and 32-bit floats, NaN and infinities, invalid UTF-8, nesting deeper than
   * 256, truncated input and trailing bytes. Map key order is not checked.
   *
   * @param bytes the encoded item
   * @return the node; maps keep the order their keys had on the wire
   * @throws MalformedIpldException naming the problem and its byte offset
   */
  public static Node decode(byte[] bytes) {
    return DagCborDecoder.decode(bytes);
  }

  private static void write(CborWriter writer, Node node, boolean canonical) {
    switch (node.kind()) {
      case NULL -> writer.simple(22);
      case BOOL -> writer.simple(((Node.Bool) node).value() ? 21 : 20);
      case INT -> writer.integer(((Node.Int) node).value());
      case FLOAT -> {
        double value = ((Node.Float) node).value();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          throw new IllegalArgumentException("DAG-CBOR cannot encode the float " + value);
        }
        writer.float64(value);
      }
      case STRING -> writer.bytes(CborWriter.TEXT, utf8(((Node.Str) node).value()));
      case BYTES -> writer.bytes(CborWriter.BYTES, ((Node.Bytes) node).value());
      case LIST -> {
        List<Node> items = ((Node.ListNode) node).items();
        writer.head(CborWriter.ARRAY, items.size());
        for (Node item : items) {
          write(writer, item, canonical);
        }
      }
      case MAP -> writeMap(writer, ((Node.MapNode) node).entries(), canonical);
      case LINK -> {
        byte[] cid = ((Node.Link) node).cid().toBytes();
        byte[] content = new byte[cid.length + 1]; // leading 0x00: identity multibase prefix
        System.arraycopy(cid, 0, content, 1, cid.length);
        writer.head(CborWriter.TAG, 42);
        writer.bytes(CborWriter.BYTES, content);
      }
    }
  }

  /** Strict UTF-8: a lone surrogate would otherwise silently become '?'. */
  private static byte[] utf8(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "string is not valid Unicode (lone surrogate): " + text, e);
    }
  }

  private static void writeMap(CborWriter writer, Map<String, Node> entries, boolean canonical) {
    List<Map.Entry<byte[], Node>> encoded = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> encoded.add(Map.entry(utf8(key), value)));
    if (canonical) {
      encoded.sort(Map.Entry.comparingByKey(CANONICAL_KEY_ORDER));
    }
    writer.head(CborWriter.MAP, encoded.size());
    for (Map.Entry<byte[], Node> entry : encoded) {
      writer.bytes(CborWriter.TEXT, entry.getKey());
      write(writer, entry.getValue(), canonical);
    }
  }
}
