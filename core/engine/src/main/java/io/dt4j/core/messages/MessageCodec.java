package io.dt4j.core.messages;

import io.dt4j.api.MessageType;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.MalformedIpldException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes and decodes whole data-transfer messages for one protocol version (data-transfer.md §2.2,
 * §2.5): the envelope {@code {IsRq, Request, Response}} — a map in 1.1, a tuple in 1.0 — around a
 * request or a response. Bytes written are exactly cbor-gen's; bytes read are checked as strictly
 * as cbor-gen checks them, with the field and the byte offset in every error.
 */
public final class MessageCodec {
  private static final List<String> ENVELOPE = List.of("IsRq", "Request", "Response");

  private MessageCodec() {}

  /**
   * Encodes a message.
   *
   * @param message the message, in its 1.1 form
   * @param version the negotiated version
   * @return the CBOR bytes of one message
   * @throws UnsupportedByVersionException if 1.0 cannot express the message (restarts)
   */
  public static byte[] encode(TransferMessage message, ProtocolVersion version)
      throws UnsupportedByVersionException {
    if (version == ProtocolVersion.V1_0) {
      requireExpressibleIn10(message);
    }
    WireWriter w = new WireWriter();
    if (version == ProtocolVersion.V1_1) {
      w.map(3).key("IsRq");
    } else {
      w.array(3);
    }
    w.bool(message instanceof TransferRequest);
    if (version == ProtocolVersion.V1_1) {
      w.key("Request");
    }
    if (message instanceof TransferRequest request) {
      RequestCodec.write(w, request, version);
    } else {
      w.nil();
    }
    if (version == ProtocolVersion.V1_1) {
      w.key("Response");
    }
    if (message instanceof TransferResponse response) {
      ResponseCodec.write(w, response, version);
    } else {
      w.nil();
    }
    return w.toByteArray();
  }

  /**
   * Decodes one message that fills {@code bytes} exactly.
   *
   * @param bytes the message bytes, from the network
   * @param version the version of the stream or extension they came on
   * @return the message
   * @throws MalformedMessageException naming the field and byte offset of the first problem
   */
  public static TransferMessage decode(byte[] bytes, ProtocolVersion version)
      throws MalformedMessageException {
    String format =
        "data-transfer " + (version == ProtocolVersion.V1_1 ? "1.1" : "1.0") + " message";
    WireReader in = new WireReader(bytes, format);
    try {
      TransferMessage message = envelope(in, version);
      if (!in.atEnd()) {
        throw in.error("message", (bytes.length - in.offset()) + " bytes after the message");
      }
      return message;
    } catch (MalformedIpldException e) {
      throw new MalformedMessageException(e.getMessage(), e);
    }
  }

  private static TransferMessage envelope(WireReader in, ProtocolVersion version) {
    boolean isRequest = false;
    TransferRequest request = null;
    TransferResponse response = null;
    if (version == ProtocolVersion.V1_1) {
      long entries = in.mapHeader("message");
      for (long i = 0; i < entries; i++) {
        String key = new String(in.text("message key"), StandardCharsets.UTF_8);
        switch (key) {
          case "IsRq" -> isRequest = in.bool("IsRq");
          case "Request" ->
              request = in.takeNull() ? null : RequestCodec.read(in, version, "Request");
          case "Response" ->
              response = in.takeNull() ? null : ResponseCodec.read(in, version, "Response");
          default -> throw in.error("message", "unknown struct field '" + key + "'");
        }
      }
    } else {
      in.arrayHeader("message", ENVELOPE.size());
      isRequest = in.bool("IsRq");
      request = in.takeNull() ? null : RequestCodec.read(in, version, "Request");
      response = in.takeNull() ? null : ResponseCodec.read(in, version, "Response");
    }
    if (isRequest && request == null) {
      throw in.error("Request", "IsRq is true but there is no request");
    }
    if (!isRequest && response == null) {
      throw in.error("Response", "IsRq is false but there is no response");
    }
    return isRequest ? request : response;
  }

  private static void requireExpressibleIn10(TransferMessage message)
      throws UnsupportedByVersionException {
    MessageType type = message.type();
    if (type == MessageType.RESTART || type == MessageType.RESTART_EXISTING_CHANNEL_REQUEST) {
      throw new UnsupportedByVersionException(
          "restart not supported on 1.0: cannot send a " + type + " message to a 1.0 peer");
    }
    if (message instanceof TransferRequest r && r.restartChannel().isPresent()) {
      throw new UnsupportedByVersionException(
          "restart not supported on 1.0: a request naming a channel to restart");
    }
  }
}
