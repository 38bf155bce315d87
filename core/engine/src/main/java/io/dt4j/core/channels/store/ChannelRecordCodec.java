package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ChannelRecord} as dt4j stores it: a DAG-CBOR map. This is dt4j's own format, not the Go
 * record of data-transfer.md §4.6 (which keeps peer ids as text and has no version key).
 *
 * <table>
 *   <caption>Version 2 (keys in this order)</caption>
 *   <tr><th>key</th><th>type</th><th>notes</th></tr>
 *   <tr><td>v</td><td>int</td><td>format version, 2; absent in version 0</td></tr>
 *   <tr><td>initiator, responder</td><td>bytes</td><td>{@link PeerId#toBytes()}</td></tr>
 *   <tr><td>transferId</td><td>int</td><td>the unsigned 64 bits as a signed integer</td></tr>
 *   <tr><td>selfPeer</td><td>bytes</td><td>peer id bytes</td></tr>
 *   <tr><td>baseCid</td><td>link</td><td></td></tr>
 *   <tr><td>selector</td><td>any</td><td>the selector node, nested</td></tr>
 *   <tr><td>sender, recipient</td><td>bytes</td><td>peer id bytes</td></tr>
 *   <tr><td>totalSize</td><td>int</td><td></td></tr>
 *   <tr><td>status</td><td>int</td><td>{@link Status#code()}, never the ordinal</td></tr>
 *   <tr><td>queued, sent, received</td><td>int</td><td>byte counters</td></tr>
 *   <tr><td>message</td><td>text</td><td></td></tr>
 *   <tr><td>vouchers, voucherResults</td><td>list</td><td>each [type text, CBOR bytes]</td></tr>
 *   <tr><td>receivedCidsCount</td><td>int</td><td>added in version 1 (0 when migrated)</td></tr>
 *   <tr><td>sequence</td><td>int</td><td>added in version 1 (0 when migrated)</td></tr>
 *   <tr><td>created</td><td>int or null</td><td>milliseconds since the epoch, UTC; added in version 2
 *       (null, unknown, when migrated)</td></tr>
 * </table>
 *
 * <p>Decoding is strict: a missing, unknown or mistyped key fails with a {@link
 * MalformedChannelRecordException} naming it. Older versions are migrated map to map before
 * decoding, one version step at a time.
 */
public final class ChannelRecordCodec {
  /** The version {@link #encode} writes. */
  public static final int CURRENT_VERSION = 2;

  static final String VERSION = "v";

  private ChannelRecordCodec() {}

  /**
   * Encodes a record in the current format version.
   *
   * @param record the record
   * @return the DAG-CBOR bytes
   */
  public static byte[] encode(ChannelRecord record) {
    return DagCbor.encode(
        Node.map()
            .put(VERSION, Node.of(CURRENT_VERSION))
            .put("initiator", peer(record.channelId().initiator()))
            .put("responder", peer(record.channelId().responder()))
            .put("transferId", Node.of(record.channelId().id().value()))
            .put("selfPeer", peer(record.selfPeer()))
            .put("baseCid", Node.link(record.baseCid()))
            .put("selector", record.selector())
            .put("sender", peer(record.sender()))
            .put("recipient", peer(record.recipient()))
            .put("totalSize", Node.of(record.totalSize()))
            .put("status", Node.of(record.status().code()))
            .put("queued", Node.of(record.queued()))
            .put("sent", Node.of(record.sent()))
            .put("received", Node.of(record.received()))
            .put("message", Node.of(record.message()))
            .put("vouchers", vouchers(record.vouchers()))
            .put("voucherResults", vouchers(record.voucherResults()))
            .put("receivedCidsCount", Node.of(record.receivedCidsCount()))
            .put("sequence", Node.of(record.sequence()))
            .put(
                "created",
                record.created().<Node>map(t -> Node.of(t.toEpochMilli())).orElse(Node.NULL))
            .build());
  }

  /**
   * Decodes a record of any known format version, migrating older ones.
   *
   * @param bytes the stored bytes
   * @return the record
   * @throws MalformedChannelRecordException naming the field that is missing, unknown or wrong
   */
  public static ChannelRecord decode(byte[] bytes) {
    Node node;
    try {
      node = DagCbor.decode(bytes);
    } catch (MalformedIpldException e) {
      throw new MalformedChannelRecordException("(record)", "not DAG-CBOR: " + e.getMessage(), e);
    }
    if (!(node instanceof Node.MapNode map)) {
      throw new MalformedChannelRecordException("(record)", "not a map but " + node.kind());
    }
    return fromFields(new RecordFields(migrate(map.entries())));
  }

  /**
   * Brings a stored map of an older format version up to {@link #CURRENT_VERSION}.
   *
   * <p>Version 0 (before versioning) had no {@code v}, {@code receivedCidsCount} or {@code
   * sequence}; both counters start at 0 (the store's own CID-set counters stay authoritative).
   * Version 1 had no {@code created}; the creation time of those channels is unknown (null).
   *
   * @param stored the map as stored
   * @return a map in the current layout
   */
  static Map<String, Node> migrate(Map<String, Node> stored) {
    Map<String, Node> map = new LinkedHashMap<>(stored);
    int version = storedVersion(map);
    if (version == 0) {
      map.putIfAbsent("receivedCidsCount", Node.of(0));
      map.putIfAbsent("sequence", Node.of(0));
      version = 1;
    }
    if (version == 1) {
      map.putIfAbsent("created", Node.NULL);
      version = 2;
    }
    map.put(VERSION, Node.of(version));
    return map;
  }

  private static int storedVersion(Map<String, Node> map) {
    Node version = map.get(VERSION);
    if (version == null) {
      return 0;
    }
    if (!(version instanceof Node.Int number)
        || number.value() < 0
        || number.value() > CURRENT_VERSION) {
      throw new MalformedChannelRecordException(
          VERSION, "unknown format version " + version + " (known: 0.." + CURRENT_VERSION + ")");
    }
    return (int) number.value();
  }

  private static ChannelRecord fromFields(RecordFields in) {
    in.integer(VERSION);
    ChannelId channelId =
        new ChannelId(
            in.peer("initiator"), in.peer("responder"), new TransferId(in.integer("transferId")));
    PeerId selfPeer = in.peer("selfPeer");
    Cid baseCid = in.link("baseCid");
    Node selector = in.node("selector");
    PeerId sender = in.peer("sender");
    PeerId recipient = in.peer("recipient");
    long totalSize = in.integer("totalSize");
    Status status = in.status("status");
    long queued = in.integer("queued");
    long sent = in.integer("sent");
    long received = in.integer("received");
    String message = in.text("message");
    List<EncodedVoucher> vouchers = in.vouchers("vouchers");
    List<EncodedVoucher> results = in.vouchers("voucherResults");
    long receivedCidsCount = in.integer("receivedCidsCount");
    long sequence = in.integer("sequence");
    Optional<Instant> created = in.optionalInteger("created").map(Instant::ofEpochMilli);
    in.requireAllRead();
    try {
      return new ChannelRecord(
          channelId,
          selfPeer,
          baseCid,
          selector,
          sender,
          recipient,
          totalSize,
          status,
          queued,
          sent,
          received,
          message,
          vouchers,
          results,
          receivedCidsCount,
          sequence,
          created);
    } catch (IllegalArgumentException e) {
      throw new MalformedChannelRecordException("(record)", e.getMessage(), e);
    }
  }

  private static Node peer(PeerId peer) {
    return Node.of(peer.toBytes());
  }

  private static Node vouchers(List<EncodedVoucher> vouchers) {
    List<Node> items = new ArrayList<>(vouchers.size());
    for (EncodedVoucher voucher : vouchers) {
      items.add(Node.list(Node.of(voucher.type().value()), Node.of(voucher.cbor())));
    }
    return new Node.ListNode(items);
  }

  /** Reads typed fields from a decoded map, remembering which keys were read. */
  private static final class RecordFields {
    private final Map<String, Node> map;
    private final List<String> read = new ArrayList<>();

    RecordFields(Map<String, Node> map) {
      this.map = map;
    }

    Node node(String key) {
      Node value = map.get(key);
      if (value == null) {
        throw new MalformedChannelRecordException(key, "missing");
      }
      read.add(key);
      return value;
    }

    <T extends Node> T typed(String key, Class<T> type) {
      Node value = node(key);
      if (!type.isInstance(value)) {
        throw new MalformedChannelRecordException(
            key, "expected " + type.getSimpleName() + " but found " + value.kind());
      }
      return type.cast(value);
    }

    long integer(String key) {
      return typed(key, Node.Int.class).value();
    }

    Optional<Long> optionalInteger(String key) {
      if (node(key) instanceof Node.Null) {
        return Optional.empty();
      }
      return Optional.of(integer(key));
    }

    String text(String key) {
      return typed(key, Node.Str.class).value();
    }

    Cid link(String key) {
      return typed(key, Node.Link.class).cid();
    }

    PeerId peer(String key) {
      try {
        return PeerId.fromBytes(typed(key, Node.Bytes.class).value());
      } catch (IllegalArgumentException e) {
        throw new MalformedChannelRecordException(key, e.getMessage(), e);
      }
    }

    Status status(String key) {
      try {
        return Status.fromCode(integer(key));
      } catch (IllegalArgumentException e) {
        throw new MalformedChannelRecordException(key, e.getMessage(), e);
      }
    }

    List<EncodedVoucher> vouchers(String key) {
      List<EncodedVoucher> vouchers = new ArrayList<>();
      for (Node item : typed(key, Node.ListNode.class).items()) {
        if (!(item instanceof Node.ListNode pair)
            || pair.items().size() != 2
            || !(pair.items().get(0) instanceof Node.Str type)
            || !(pair.items().get(1) instanceof Node.Bytes cbor)) {
          throw new MalformedChannelRecordException(
              key, "item " + vouchers.size() + " is not [type text, voucher bytes]");
        }
        vouchers.add(new EncodedVoucher(TypeIdentifier.of(type.value()), cbor.value()));
      }
      return vouchers;
    }

    void requireAllRead() {
      for (String key : map.keySet()) {
        if (!read.contains(key)) {
          throw new MalformedChannelRecordException(key, "unknown key");
        }
      }
    }
  }
}
