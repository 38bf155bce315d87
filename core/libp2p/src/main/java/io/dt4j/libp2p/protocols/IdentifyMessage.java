package io.dt4j.libp2p.protocols;

import io.dt4j.ipld.protobuf.MalformedProtobufException;
import io.dt4j.ipld.protobuf.ProtobufReader;
import io.dt4j.ipld.protobuf.ProtobufWriter;
import io.dt4j.libp2p.multiaddr.MalformedMultiaddrException;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Identify} protobuf (libp2p.md §7), uvarint-length-prefixed on the wire:
 *
 * <pre>
 *   1 publicKey       bytes    (PublicKey protobuf)     tag 0a
 *   2 listenAddrs     repeated bytes (binary multiaddr) tag 12
 *   3 protocols       repeated string                   tag 1a
 *   4 observedAddr    bytes (binary multiaddr)          tag 22
 *   5 protocolVersion string                            tag 2a
 *   6 agentVersion    string                            tag 32
 *   8 signedPeerRecord bytes (ignored)                  tag 42
 * </pre>
 *
 * Absent optional fields are empty; an address that does not parse is skipped, as go and js do.
 *
 * @param publicKey the sender's PublicKey protobuf
 * @param listenAddrs the sender's listen addresses
 * @param protocols the protocols the sender handles
 * @param observedAddr the receiver's address as the sender sees it
 * @param protocolVersion e.g. {@code ipfs/0.1.0}
 * @param agentVersion e.g. {@code dt4j/0.1.0}
 */
public record IdentifyMessage(
    Optional<byte[]> publicKey,
    List<Multiaddr> listenAddrs,
    List<String> protocols,
    Optional<Multiaddr> observedAddr,
    Optional<String> protocolVersion,
    Optional<String> agentVersion) {
  private static final Logger LOG = LoggerFactory.getLogger(IdentifyMessage.class);

  /** go's and js's limit of one message. */
  public static final int MAX_MESSAGE_SIZE = 8 * 1024;

  /** go's and js's limit of messages per identify stream. */
  public static final int MAX_MESSAGES = 10;

  /** Copies the lists. */
  public IdentifyMessage {
    listenAddrs = List.copyOf(listenAddrs);
    protocols = List.copyOf(protocols);
  }

  /** Returns the protobuf without the length prefix. */
  public byte[] encode() {
    ProtobufWriter w = new ProtobufWriter(256);
    publicKey.ifPresent(k -> w.bytesField(1, k));
    listenAddrs.forEach(a -> w.bytesField(2, a.toBytes()));
    protocols.forEach(p -> w.stringField(3, p));
    observedAddr.ifPresent(a -> w.bytesField(4, a.toBytes()));
    protocolVersion.ifPresent(v -> w.stringField(5, v));
    agentVersion.ifPresent(v -> w.stringField(6, v));
    return w.toByteArray();
  }

  /** Returns the message with its uvarint length prefix, as written on the stream. */
  public byte[] encodeDelimited() {
    byte[] body = encode();
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 3);
    out.writeBytes(io.dt4j.ipld.Varint.encode(body.length));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /**
   * Decodes one message body.
   *
   * @param body the protobuf bytes
   * @return the message
   * @throws ProtocolException if the protobuf is malformed
   */
  public static IdentifyMessage decode(byte[] body) throws ProtocolException {
    byte[] key = null;
    List<Multiaddr> addrs = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    Multiaddr observed = null;
    String protocolVersion = null;
    String agent = null;
    try {
      ProtobufReader r = ProtobufReader.of(body);
      while (r.hasRemaining()) {
        ProtobufReader.Tag tag = r.readTag();
        switch (tag.fieldNumber() << 3 | tag.wireType()) {
          case 0x0a -> key = r.readBytes();
          case 0x12 -> address(r.readBytes()).ifPresent(addrs::add);
          case 0x1a -> protocols.add(new String(r.readBytes(), StandardCharsets.UTF_8));
          case 0x22 -> observed = address(r.readBytes()).orElse(null);
          case 0x2a -> protocolVersion = new String(r.readBytes(), StandardCharsets.UTF_8);
          case 0x32 -> agent = new String(r.readBytes(), StandardCharsets.UTF_8);
          default -> r.skip(tag);
        }
      }
    } catch (MalformedProtobufException e) {
      throw new ProtocolException("malformed Identify message: " + e.getMessage(), e);
    }
    return new IdentifyMessage(
        Optional.ofNullable(key),
        addrs,
        protocols,
        Optional.ofNullable(observed),
        Optional.ofNullable(protocolVersion),
        Optional.ofNullable(agent));
  }

  /**
   * Decodes the concatenated length-prefixed messages of one stream and merges them: later single
   * fields win, lists are concatenated (go splits a large message in two, §7).
   *
   * @param stream everything read from the stream
   * @return the merged message
   * @throws ProtocolException if a prefix or message is malformed, too large, or too many
   */
  public static IdentifyMessage decodeStream(byte[] stream) throws ProtocolException {
    List<IdentifyMessage> messages = new ArrayList<>();
    int at = 0;
    while (at < stream.length) {
      if (messages.size() == MAX_MESSAGES) {
        throw new ProtocolException("more than " + MAX_MESSAGES + " Identify messages");
      }
      long length = 0;
      int shift = 0;
      while (true) {
        if (at == stream.length || shift > 21) {
          throw new ProtocolException("truncated or bad Identify length prefix");
        }
        int b = stream[at++] & 0xFF;
        length |= (long) (b & 0x7F) << shift;
        shift += 7;
        if ((b & 0x80) == 0) {
          break;
        }
      }
      if (length > MAX_MESSAGE_SIZE || length > stream.length - at) {
        throw new ProtocolException(
            "Identify message of " + length + " bytes is truncated or over " + MAX_MESSAGE_SIZE);
      }
      byte[] body = new byte[(int) length];
      System.arraycopy(stream, at, body, 0, body.length);
      at += body.length;
      messages.add(decode(body));
    }
    if (messages.isEmpty()) {
      throw new ProtocolException("the identify stream ended without a message");
    }
    IdentifyMessage merged = messages.get(0);
    for (IdentifyMessage m : messages.subList(1, messages.size())) {
      merged = merged.mergedWith(m);
    }
    return merged;
  }

  /** Returns this message updated with the fields present in a later one. */
  public IdentifyMessage mergedWith(IdentifyMessage later) {
    List<Multiaddr> addrs = new ArrayList<>(listenAddrs);
    addrs.addAll(later.listenAddrs);
    List<String> protos = new ArrayList<>(protocols);
    protos.addAll(later.protocols);
    return new IdentifyMessage(
        later.publicKey.isPresent() ? later.publicKey : publicKey,
        addrs,
        protos,
        later.observedAddr.isPresent() ? later.observedAddr : observedAddr,
        later.protocolVersion.isPresent() ? later.protocolVersion : protocolVersion,
        later.agentVersion.isPresent() ? later.agentVersion : agentVersion);
  }

  private static Optional<Multiaddr> address(byte[] bytes) {
    try {
      return Optional.of(Multiaddr.fromBytes(bytes));
    } catch (MalformedMultiaddrException e) {
      LOG.debug("skipping an Identify address that does not parse: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
