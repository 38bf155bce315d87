package io.dt4j.core.messages;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * TransferResponse (data-transfer.md §2.4, §2.5): 1.1 writes a map with these keys in this order,
 * 1.0 a tuple of the same six.
 *
 * <pre>
 * Type  Acpt  Paus  XferID  VRes  VTyp
 * uint  bool  bool  uint    raw?  text
 * </pre>
 */
final class ResponseCodec {
  static final List<String> FIELDS = List.of("Type", "Acpt", "Paus", "XferID", "VRes", "VTyp");

  private ResponseCodec() {}

  static void write(WireWriter w, TransferResponse r, ProtocolVersion version) {
    if (version == ProtocolVersion.V1_1) {
      w.map(FIELDS.size());
    } else {
      w.array(FIELDS.size());
    }
    for (String field : FIELDS) {
      if (version == ProtocolVersion.V1_1) {
        w.key(field);
      }
      switch (field) {
        case "Type" -> w.uint(r.type().code());
        case "Acpt" -> w.bool(r.accepted());
        case "Paus" -> w.bool(r.paused());
        case "XferID" -> w.uint(r.transferId().value());
        case "VRes" -> w.deferredOrNull(r.voucherResult().map(EncodedVoucher::cbor));
        default -> w.text(r.voucherResult().map(v -> v.type().value()).orElse(""));
      }
    }
  }

  /** The fields as read; absent ones keep their zero values. */
  private static final class Fields {
    long type;
    boolean accepted;
    boolean paused;
    long transferId;
    Optional<byte[]> result = Optional.empty();
    String resultType = "";
  }

  static TransferResponse read(WireReader in, ProtocolVersion version, String path) {
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
      in.arrayHeader(path, FIELDS.size());
      for (String field : FIELDS) {
        readField(in, f, field, path + "." + field);
      }
    }
    try {
      return new TransferResponse(
          MessageType.fromCode(f.type),
          new TransferId(f.transferId),
          f.accepted,
          f.paused,
          f.result.map(bytes -> new EncodedVoucher(TypeIdentifier.of(f.resultType), bytes)));
    } catch (IllegalArgumentException e) {
      throw in.error(path, e.getMessage());
    }
  }

  private static void readField(WireReader in, Fields f, String field, String path) {
    switch (field) {
      case "Type" -> f.type = in.uint(path);
      case "Acpt" -> f.accepted = in.bool(path);
      case "Paus" -> f.paused = in.bool(path);
      case "XferID" -> f.transferId = in.uint(path);
      case "VRes" -> f.result = in.deferredOrNull(path);
      default -> f.resultType = new String(in.text(path), StandardCharsets.UTF_8);
    }
  }
}
