package io.dt4j.ipld;

import io.dt4j.ipld.cbor.CborReader;
import io.dt4j.ipld.cbor.CborWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strict DAG-CBOR to {@link Node} decoding; see {@link DagCbor#decode(byte[])} for the rules. */
final class DagCborDecoder {
  static final int MAX_DEPTH = 256;
  private static final int CID_TAG = 42;

  private final CborReader reader;

  private DagCborDecoder(byte[] bytes) {
    this.reader = new CborReader(bytes);
  }

  static Node decode(byte[] bytes) {
    DagCborDecoder decoder = new DagCborDecoder(bytes);
    Node node = decoder.item(0);
    if (!decoder.reader.atEnd()) {
      throw new MalformedIpldException(
          "DAG-CBOR: trailing bytes after the single item at byte offset "
              + decoder.reader.offset());
    }
    return node;
  }

  private Node item(int depth) {
    reader.readHead();
    long argument = reader.argument();
    switch (reader.major()) {
      case CborWriter.UNSIGNED:
        if (argument < 0) {
          throw reader.error(
              "unsigned integer " + Long.toUnsignedString(argument) + " exceeds 2^63-1");
        }
        return new Node.Int(argument);
      case CborWriter.NEGATIVE:
        if (argument < 0) {
          throw reader.error(
              "negative integer -1-" + Long.toUnsignedString(argument) + " is below -2^63");
        }
        return new Node.Int(~argument);
      case CborWriter.BYTES:
        return new Node.Bytes(reader.content(argument));
      case CborWriter.TEXT:
        return new Node.Str(text(reader.content(argument)));
      case CborWriter.ARRAY:
        return list(argument, depth + 1);
      case CborWriter.MAP:
        return map(argument, depth + 1);
      case CborWriter.TAG:
        return link();
      default:
        return simple();
    }
  }

  private Node list(long count, int depth) {
    checkDepth(depth);
    reader.requireItems(count);
    List<Node> items = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      items.add(item(depth));
    }
    return new Node.ListNode(items);
  }

  private Node map(long count, int depth) {
    checkDepth(depth);
    reader.requireItems(count);
    Map<String, Node> entries = new LinkedHashMap<>();
    for (long i = 0; i < count; i++) {
      reader.readHead();
      if (reader.major() != CborWriter.TEXT) {
        throw reader.error("map key must be a text string, found major type " + reader.major());
      }
      int keyStart = reader.headStart();
      String key = text(reader.content(reader.argument()));
      if (entries.putIfAbsent(key, item(depth)) != null) {
        throw new MalformedIpldException(
            "DAG-CBOR: duplicate map key \"" + key + "\" at byte offset " + keyStart);
      }
    }
    return new Node.MapNode(entries);
  }

  private Node link() {
    int tagStart = reader.headStart();
    if (reader.argument() != CID_TAG) {
      throw reader.error(
          "tag " + Long.toUnsignedString(reader.argument()) + " is not allowed, only tag 42 (CID)");
    }
    reader.readHead();
    if (reader.major() != CborWriter.BYTES) {
      throw reader.error("tag 42 must wrap a byte string, found major type " + reader.major());
    }
    byte[] content = reader.content(reader.argument());
    if (content.length == 0 || content[0] != 0) {
      throw new MalformedIpldException(
          "DAG-CBOR: tag 42 byte string must start with 0x00 (identity multibase) at byte offset "
              + tagStart);
    }
    try {
      return new Node.Link(Cid.fromBytes(Arrays.copyOfRange(content, 1, content.length)));
    } catch (MalformedIpldException e) {
      throw new MalformedIpldException(
          "DAG-CBOR: invalid CID in tag 42 at byte offset " + tagStart + ": " + e.getMessage(), e);
    }
  }

  private Node simple() {
    switch (reader.info()) {
      case 20:
        return new Node.Bool(false);
      case 21:
        return new Node.Bool(true);
      case 22:
        return Node.NULL;
      case 25:
      case 26:
        throw reader.error("16- and 32-bit floats are not allowed, DAG-CBOR floats are 64-bit");
      case 27:
        double value = Double.longBitsToDouble(reader.argument());
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          throw reader.error("NaN and infinities are not allowed");
        }
        return new Node.Float(value);
      default:
        throw reader.error(
            "simple value "
                + (reader.info() == 24 ? reader.argument() : reader.info())
                + " is not allowed, only false, true and null");
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw reader.error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private String text(byte[] utf8) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw reader.error("text string is not valid UTF-8");
    }
  }
}
