package io.dt4j.graphsync.message;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.protobuf.ProtobufReader;
import io.dt4j.ipld.protobuf.ProtobufReader.Tag;
import io.dt4j.ipld.protobuf.ProtobufWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protobuf codec of graphsync 1.0 messages (graphsync spec §2.1, package {@code
 * graphsync.message.pb}, proto3):
 *
 * <pre>
 * Message   1 completeRequestList bool (ignored) | 2 requests Request* | 3 responses Response*
 *           | 4 data Block*
 * Request   1 id int32 | 2 root bytes (binary CID) | 3 selector bytes (DAG-CBOR)
 *           | 4 extensions map&lt;string,bytes&gt; | 5 priority int32 | 6 cancel bool | 7 update bool
 * Response  1 id int32 | 2 status int32 | 3 extensions map&lt;string,bytes&gt;
 * Block     1 prefix bytes (§2.3) | 2 data bytes
 * MapEntry  1 key string | 2 value bytes
 * </pre>
 *
 * Encoding writes fields in that order and omits proto3 defaults (0, false, empty), as Go does;
 * decoding accepts explicit defaults (the JS implementation writes them), skips unknown fields,
 * lets the last of a repeated singular field win, ignores root and selector of cancels and updates
 * (§2.2) and derives each block's CID from its prefix and data. Anything else wrong rejects the
 * whole message with a {@link MalformedMessageException}.
 */
public final class GraphsyncMessageCodec {
  /** go-libp2p's {@code network.MessageSizeMax}: the largest message a Go peer reads (§1). */
  public static final int MAX_MESSAGE_BYTES = 4 << 20;

  private static final int MESSAGE_REQUESTS = 2;
  private static final int MESSAGE_RESPONSES = 3;
  private static final int MESSAGE_BLOCKS = 4;
  private static final int REQUEST_ID = 1;
  private static final int REQUEST_ROOT = 2;
  private static final int REQUEST_SELECTOR = 3;
  private static final int REQUEST_EXTENSIONS = 4;
  private static final int REQUEST_PRIORITY = 5;
  private static final int REQUEST_CANCEL = 6;
  private static final int REQUEST_UPDATE = 7;
  private static final int RESPONSE_ID = 1;
  private static final int RESPONSE_STATUS = 2;
  private static final int RESPONSE_EXTENSIONS = 3;
  private static final int BLOCK_PREFIX = 1;
  private static final int BLOCK_DATA = 2;
  private static final int ENTRY_KEY = 1;
  private static final int ENTRY_VALUE = 2;

  /** Block data from this size on is sent by reference, not copied into the message. */
  public static final int BY_REFERENCE_BYTES = 4096;

  private GraphsyncMessageCodec() {}

  /**
   * Encodes a message (without the length prefix of the stream framing).
   *
   * @param message the message
   * @return the protobuf bytes
   */
  public static byte[] encode(GraphsyncMessage message) {
    ByteBuffer encoded = encodeToBuffer(message);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return bytes;
  }

  /**
   * Encodes a message into a buffer of its own.
   *
   * @param message the message
   * @return the protobuf bytes, from position to limit
   */
  public static ByteBuffer encodeToBuffer(GraphsyncMessage message) {
    List<ByteBuffer> segments = encodeToSegments(message);
    if (segments.size() == 1) {
      return segments.get(0);
    }
    ByteBuffer joined =
        ByteBuffer.allocate(segments.stream().mapToInt(ByteBuffer::remaining).sum());
    segments.forEach(segment -> joined.put(segment.duplicate()));
    return joined.flip();
  }

  /**
   * Encodes a message as buffers to write one after the other: what a sender writes. The data of a
   * block of at least {@link #BY_REFERENCE_BYTES} is not copied: its segment wraps the block's own
   * array (blocks never change), so a block's bytes are copied first by the stream's encryption.
   *
   * @param message the message
   * @return the segments, each from position to limit; together the protobuf bytes
   */
  public static List<ByteBuffer> encodeToSegments(GraphsyncMessage message) {
    int hint = 256;
    for (Block block : message.blocks()) {
      hint += (block.size() < BY_REFERENCE_BYTES ? block.size() : 0) + 64;
    }
    ProtobufWriter out = new ProtobufWriter(hint);
    for (GraphsyncRequest request : message.requests()) {
      out.messageField(MESSAGE_REQUESTS, encodeRequest(request));
    }
    for (GraphsyncResponse response : message.responses()) {
      ProtobufWriter entry = new ProtobufWriter(64 + response.extensions().payloadBytes());
      writeIfNonZero(entry, RESPONSE_ID, response.id());
      writeIfNonZero(entry, RESPONSE_STATUS, response.status().code());
      writeExtensions(entry, RESPONSE_EXTENSIONS, response.extensions());
      out.messageField(MESSAGE_RESPONSES, entry);
    }
    List<ByteBuffer> segments = new ArrayList<>(1 + 2 * message.blocks().size());
    int start = 0;
    for (Block block : message.blocks()) {
      byte[] data = block.dataUnsafe();
      writeBlockHeader(out, BlockPrefix.of(block.cid()).toBytes(), data.length);
      if (data.length >= BY_REFERENCE_BYTES) {
        segments.add(out.toByteBuffer().position(start));
        segments.add(ByteBuffer.wrap(data));
        start = out.size();
      } else if (data.length > 0) {
        out.bytesField(BLOCK_DATA, data);
      }
    }
    if (out.size() > start || segments.isEmpty()) {
      segments.add(out.toByteBuffer().position(start));
    }
    return segments;
  }

  /**
   * Writes a Block entry up to its data: its header, the prefix field and, for data that is not
   * empty (proto3 omits it), the data field's key and length.
   */
  private static void writeBlockHeader(ProtobufWriter out, byte[] prefix, int dataLength) {
    int size = ProtobufWriter.lengthDelimitedSize(BLOCK_PREFIX, prefix.length);
    if (dataLength > 0) {
      size += ProtobufWriter.lengthDelimitedSize(BLOCK_DATA, dataLength);
    }
    out.bytesHeader(MESSAGE_BLOCKS, size).bytesField(BLOCK_PREFIX, prefix);
    if (dataLength >= BY_REFERENCE_BYTES) {
      out.bytesHeader(BLOCK_DATA, dataLength);
    }
  }

  private static ProtobufWriter encodeRequest(GraphsyncRequest request) {
    ProtobufWriter out = new ProtobufWriter(128);
    writeIfNonZero(out, REQUEST_ID, request.id());
    if (request instanceof NewRequest open) {
      out.bytesField(REQUEST_ROOT, open.root().toBytes());
      out.bytesField(REQUEST_SELECTOR, DagCbor.encode(open.selector()));
      writeExtensions(out, REQUEST_EXTENSIONS, open.extensions());
      writeIfNonZero(out, REQUEST_PRIORITY, open.priority());
    } else if (request instanceof UpdateRequest update) {
      writeExtensions(out, REQUEST_EXTENSIONS, update.extensions());
      out.boolField(REQUEST_UPDATE, true);
    } else {
      out.boolField(REQUEST_CANCEL, true);
    }
    return out;
  }

  private static void writeIfNonZero(ProtobufWriter out, int field, int value) {
    if (value != 0) {
      out.int32Field(field, value);
    }
  }

  private static void writeExtensions(ProtobufWriter out, int field, Extensions extensions) {
    extensions.forEachUnsafe(
        (name, data) -> {
          ProtobufWriter entry = new ProtobufWriter(name.length() + data.length + 8);
          entry.stringField(ENTRY_KEY, name);
          if (data.length > 0) {
            entry.bytesField(ENTRY_VALUE, data);
          }
          out.messageField(field, entry);
        });
  }

  /**
   * Decodes a message (the bytes inside one frame).
   *
   * @param bytes the protobuf bytes
   * @return the message
   * @throws MalformedMessageException if the bytes are not a valid graphsync 1.0 message, or more
   *     than {@link #MAX_MESSAGE_BYTES}
   */
  public static GraphsyncMessage decode(byte[] bytes) throws MalformedMessageException {
    if (bytes.length > MAX_MESSAGE_BYTES) {
      throw new MalformedMessageException(
          "message of " + bytes.length + " bytes, over the limit of " + MAX_MESSAGE_BYTES);
    }
    try {
      return decodeMessage(ProtobufReader.of(bytes));
    } catch (MalformedIpldException e) {
      throw new MalformedMessageException("malformed graphsync message: " + e.getMessage(), e);
    }
  }

  private static GraphsyncMessage decodeMessage(ProtobufReader in)
      throws MalformedMessageException {
    List<GraphsyncRequest> requests = new ArrayList<>();
    List<GraphsyncResponse> responses = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      switch (tag.fieldNumber()) {
        case MESSAGE_REQUESTS -> requests.add(decodeRequest(embedded(in, tag)));
        case MESSAGE_RESPONSES -> responses.add(decodeResponse(embedded(in, tag)));
        case MESSAGE_BLOCKS -> blocks.add(decodeBlock(embedded(in, tag)));
        default -> in.skip(tag);
      }
    }
    return new GraphsyncMessage(requests, responses, blocks);
  }

  private static GraphsyncRequest decodeRequest(ProtobufReader in)
      throws MalformedMessageException {
    int start = in.position();
    RequestFields fields = new RequestFields();
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      switch (tag.fieldNumber()) {
        case REQUEST_ID -> fields.id = varint(in, tag).readInt32();
        case REQUEST_ROOT -> fields.root = bytes(in, tag);
        case REQUEST_SELECTOR -> fields.selector = bytes(in, tag);
        case REQUEST_EXTENSIONS -> readEntry(embedded(in, tag), fields.extensions);
        case REQUEST_PRIORITY -> fields.priority = varint(in, tag).readInt32();
        case REQUEST_CANCEL -> fields.cancel = varint(in, tag).readBool();
        case REQUEST_UPDATE -> fields.update = varint(in, tag).readBool();
        default -> in.skip(tag);
      }
    }
    return fields.toRequest(start);
  }

  /** The fields of one request entry while it is read; never escapes {@link #decodeRequest}. */
  private static final class RequestFields {
    int id;
    byte[] root = new byte[0];
    byte[] selector = new byte[0];
    final Map<String, byte[]> extensions = new LinkedHashMap<>();
    int priority;
    boolean cancel;
    boolean update;

    GraphsyncRequest toRequest(int offset) throws MalformedMessageException {
      if (cancel) {
        return new CancelRequest(id);
      }
      if (update) {
        return new UpdateRequest(id, Extensions.adopt(extensions));
      }
      if (root.length == 0 || selector.length == 0) {
        throw new MalformedMessageException(
            "request "
                + id
                + " at byte offset "
                + offset
                + " has no "
                + (root.length == 0 ? "root" : "selector"));
      }
      Cid rootCid;
      Node selectorNode;
      try {
        rootCid = Cid.fromBytes(root);
      } catch (MalformedIpldException e) {
        throw new MalformedMessageException("request " + id + ": root is not a CID", e);
      }
      try {
        selectorNode = DagCbor.decode(selector);
      } catch (MalformedIpldException e) {
        throw new MalformedMessageException("request " + id + ": selector is not DAG-CBOR", e);
      }
      return new NewRequest(id, rootCid, selectorNode, priority, Extensions.adopt(extensions));
    }
  }

  private static GraphsyncResponse decodeResponse(ProtobufReader in)
      throws MalformedMessageException {
    int start = in.position();
    int id = 0;
    int status = 0;
    Map<String, byte[]> extensions = new LinkedHashMap<>();
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      switch (tag.fieldNumber()) {
        case RESPONSE_ID -> id = varint(in, tag).readInt32();
        case RESPONSE_STATUS -> status = varint(in, tag).readInt32();
        case RESPONSE_EXTENSIONS -> readEntry(embedded(in, tag), extensions);
        default -> in.skip(tag);
      }
    }
    Optional<ResponseStatusCode> statusCode = ResponseStatusCode.fromCode(status);
    if (statusCode.isEmpty()) {
      throw new MalformedMessageException(
          "response " + id + " at byte offset " + start + " has unknown status code " + status);
    }
    return new GraphsyncResponse(id, statusCode.get(), Extensions.adopt(extensions));
  }

  private static Block decodeBlock(ProtobufReader in) throws MalformedMessageException {
    int start = in.position();
    byte[] prefix = null;
    byte[] data = new byte[0];
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      switch (tag.fieldNumber()) {
        case BLOCK_PREFIX -> prefix = bytes(in, tag);
        case BLOCK_DATA -> data = bytes(in, tag);
        default -> in.skip(tag);
      }
    }
    if (prefix == null) {
      throw new MalformedMessageException("block at byte offset " + start + " has no prefix");
    }
    // the CID is hashed from these bytes, which are this message's own: no copy, no second hash
    return Block.adoptVerified(BlockPrefix.fromBytes(prefix).sum(data), data);
  }

  /** Reads one map entry into the extensions; a repeated key replaces the earlier value. */
  private static void readEntry(ProtobufReader in, Map<String, byte[]> into) {
    String key = "";
    byte[] value = new byte[0];
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      if (tag.fieldNumber() == ENTRY_KEY) {
        expectWireType(tag, ProtobufReader.LENGTH_DELIMITED);
        key = in.readString();
      } else if (tag.fieldNumber() == ENTRY_VALUE) {
        value = bytes(in, tag);
      } else {
        in.skip(tag);
      }
    }
    into.put(key, value);
  }

  private static ProtobufReader embedded(ProtobufReader in, Tag tag) {
    expectWireType(tag, ProtobufReader.LENGTH_DELIMITED);
    return in.readEmbedded();
  }

  private static byte[] bytes(ProtobufReader in, Tag tag) {
    expectWireType(tag, ProtobufReader.LENGTH_DELIMITED);
    return in.readBytes();
  }

  private static ProtobufReader varint(ProtobufReader in, Tag tag) {
    expectWireType(tag, ProtobufReader.VARINT);
    return in;
  }

  private static void expectWireType(Tag tag, int wireType) {
    if (tag.wireType() != wireType) {
      throw new MalformedIpldException(
          "field "
              + tag.fieldNumber()
              + " at byte offset "
              + tag.offset()
              + " has wire type "
              + tag.wireType()
              + ", expected "
              + wireType);
    }
  }
}
