package io.dt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The JSON form of a data-transfer message for {@code dt4j message}: every wire field, raw CBOR
 * items (selector, voucher, voucher result) and peer ids as hex so that {@code encode} gives back
 * the same bytes, plus readable forms (peer ids in base58) beside them.
 */
final class MessageJson {
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MessageJson() {}

  static ObjectNode toJson(TransferMessage message) {
    ObjectNode json = JSON.objectNode();
    json.put("is_request", message instanceof TransferRequest);
    json.put("type", message.type().name());
    json.put("transfer_id", message.transferId().toString());
    if (message instanceof TransferRequest r) {
      r.baseCid().ifPresent(cid -> json.put("base_cid", cid.toString()));
      json.put("paused", r.paused());
      json.put("pull", r.pull());
      r.selector().ifPresent(s -> json.put("selector_hex", HEX.formatHex(DagCbor.encode(s))));
      r.voucher().ifPresent(v -> json.set("voucher", voucher(v)));
      r.restartChannel().ifPresent(c -> json.set("restart_channel", channel(c)));
    } else if (message instanceof TransferResponse r) {
      json.put("accepted", r.accepted());
      json.put("paused", r.paused());
      r.voucherResult().ifPresent(v -> json.set("voucher_result", voucher(v)));
    }
    return json;
  }

  static TransferMessage fromJson(JsonNode json) {
    MessageType type = MessageType.valueOf(required(json, "type").asText());
    TransferId id = TransferId.parse(required(json, "transfer_id").asText());
    if (required(json, "is_request").asBoolean()) {
      return new TransferRequest(
          type,
          id,
          text(json, "base_cid").map(Cid::parse),
          json.path("paused").asBoolean(false),
          json.path("pull").asBoolean(false),
          text(json, "selector_hex").map(h -> (Node) DagCbor.decode(HEX.parseHex(h))),
          Optional.ofNullable(json.get("voucher")).map(MessageJson::voucher),
          Optional.ofNullable(json.get("restart_channel")).map(MessageJson::channel));
    }
    return new TransferResponse(
        type,
        id,
        json.path("accepted").asBoolean(false),
        json.path("paused").asBoolean(false),
        Optional.ofNullable(json.get("voucher_result")).map(MessageJson::voucher));
  }

  private static ObjectNode voucher(EncodedVoucher v) {
    return JSON.objectNode().put("type", v.type().value()).put("hex", HEX.formatHex(v.cbor()));
  }

  private static EncodedVoucher voucher(JsonNode json) {
    return new EncodedVoucher(
        TypeIdentifier.of(required(json, "type").asText()),
        HEX.parseHex(required(json, "hex").asText()));
  }

  private static ObjectNode channel(ChannelId c) {
    return JSON.objectNode()
        .put("initiator", c.initiator().toBase58())
        .put("initiator_hex", HEX.formatHex(c.initiator().toBytes()))
        .put("responder", c.responder().toBase58())
        .put("responder_hex", HEX.formatHex(c.responder().toBytes()))
        .put("id", c.id().toString());
  }

  private static ChannelId channel(JsonNode json) {
    return new ChannelId(
        PeerId.fromWireBytes(HEX.parseHex(required(json, "initiator_hex").asText())),
        PeerId.fromWireBytes(HEX.parseHex(required(json, "responder_hex").asText())),
        TransferId.parse(required(json, "id").asText()));
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("message JSON lacks the field '" + field + "'");
    }
    return value;
  }

  private static Optional<String> text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
