package io.dt4j.core.messages;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * TransferRequest (data-transfer.md §2.3, §2.5): 1.1 writes a map with these keys in this order,
 * 1.0 a tuple of the first nine.
 *
 * <pre>
 * BCid  Type  Paus  Part  Pull  Stor  Vouch  VTyp  XferID  RestartChannel(1.1 only)
 * cid?  uint  bool  bool  bool  raw?  raw?   text  uint    [text, text, uint]
 * </pre>
 */
final class RequestCodec {
  static final List<String> FIELDS =
      List.of(
          "BCid",
          "Type",
          "Paus",
          "Part",
          "Pull",
          "Stor",
          "Vouch",
          "VTyp",
          "XferID",
          "RestartChannel");

  private RequestCodec() {}

  static void write(WireWriter w, TransferRequest r, ProtocolVersion version) {
    List<String> fields = fieldsOf(version);
    if (version == ProtocolVersion.V1_1) {
      w.map(fields.size());
    } else {
      w.array(fields.size());
    }
    for (String field : fields) {
      if (version == ProtocolVersion.V1_1) {
        w.key(field);
      }
      writeField(w, r, field);
    }
  }

  private static void writeField(WireWriter w, TransferRequest r, String field) {
    switch (field) {
      case "BCid" -> w.cidOrNull(r.baseCid());
      case "Type" -> w.uint(r.type().code());
      case "Paus" -> w.bool(r.paused());
      case "Part" -> w.bool(false);
      case "Pull" -> w.bool(r.pull());
      case "Stor" -> w.deferredOrNull(r.selector().map(DagCbor::encode));
      case "Vouch" -> w.deferredOrNull(r.voucher().map(EncodedVoucher::cbor));
      case "VTyp" -> w.text(r.voucher().map(v -> v.type().value()).orElse(""));
      case "XferID" -> w.uint(r.transferId().value());
      default -> w.channelId(r.restartChannel());
    }
  }

  /** The fields as read; absent ones keep their zero values, as cbor-gen leaves them. */
  private static final class Fields {
    Optional<Cid> baseCid = Optional.empty();
    long type;
    boolean paused;
    boolean pull;
    Optional<byte[]> selector = Optional.empty();
    Optional<byte[]> voucher = Optional.empty();
    String voucherType = "";
    long transferId;
    Optional<ChannelId> restartChannel = Optional.empty();
  }

  static TransferRequest read(WireReader in, ProtocolVersion version, String path) {
    Fields f = new Fields();
    if (version == ProtocolVersion.V1_1) {
      long entries = in.mapHeader(path);
      for (long i = 0; i < entries; i++) {
        String key = new String(in.text(path + " key"), StandardCharsets.UTF_8);
        if (!FIELDS.contains(key)) {
          throw in.error(path, "unknown struct field '" + key + "'");
        }
        readField(in, f, key, path + "." + key);
      }
    } else {
      in.arrayHeader(path, 9);
      for (String field : fieldsOf(version)) {
        readField(in, f, field, path + "." + field);
      }
    }
    return build(in, f, path);
  }

  private static void readField(WireReader in, Fields f, String field, String path) {
    switch (field) {
      case "BCid" -> f.baseCid = in.cidOrNull(path);
      case "Type" -> f.type = in.uint(path);
      case "Paus" -> f.paused = in.bool(path);
      case "Part" -> in.bool(path);
      case "Pull" -> f.pull = in.bool(path);
      case "Stor" -> f.selector = in.deferredOrNull(path);
      case "Vouch" -> f.voucher = in.deferredOrNull(path);
      case "VTyp" -> f.voucherType = new String(in.text(path), StandardCharsets.UTF_8);
      case "XferID" -> f.transferId = in.uint(path);
      default -> f.restartChannel = in.channelId(path);
    }
  }

  private static TransferRequest build(WireReader in, Fields f, String path) {
    try {
      Optional<Node> selector = f.selector.map(DagCbor::decode);
      Optional<EncodedVoucher> voucher =
          f.voucher.map(bytes -> new EncodedVoucher(TypeIdentifier.of(f.voucherType), bytes));
      return new TransferRequest(
          MessageType.fromCode(f.type),
          new TransferId(f.transferId),
          f.baseCid,
          f.paused,
          f.pull,
          selector,
          voucher,
          f.restartChannel);
    } catch (MalformedIpldException e) {
      throw in.error(path + ".Stor", "selector is not valid DAG-CBOR: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw in.error(path, e.getMessage());
    }
  }

  private static List<String> fieldsOf(ProtocolVersion version) {
    return version == ProtocolVersion.V1_1 ? FIELDS : FIELDS.subList(0, 9);
  }
}
