package io.dt4j.libp2p.noise;

import io.dt4j.ipld.protobuf.MalformedProtobufException;
import io.dt4j.ipld.protobuf.ProtobufReader;
import io.dt4j.ipld.protobuf.ProtobufWriter;
import io.dt4j.libp2p.noise.NoiseException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The libp2p {@code NoiseHandshakePayload} (libp2p.md §4.6). Unknown fields are ignored when
 * parsing; {@code webtransport_certhashes} is skipped.
 *
 * <pre>
 *   0a len identity_key      PublicKey protobuf
 *   12 len identity_sig      signature over "noise-libp2p-static-key:" ‖ Noise static key
 *   22 len extensions        { 0a certhash ... ; 12 stream_muxer ... }   (field 4; 3 is unused)
 * </pre>
 *
 * @param identityKey the sender's PublicKey protobuf (empty if absent)
 * @param identitySig the signature (empty if absent)
 * @param streamMuxers {@code extensions.stream_muxers}; an empty list is encoded as no extensions
 */
public record NoiseHandshakePayload(
    byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {

  /** Canonical constructor: copies the lists. */
  public NoiseHandshakePayload {
    identityKey = identityKey.clone();
    identitySig = identitySig.clone();
    streamMuxers = List.copyOf(streamMuxers);
  }

  /** Returns the protobuf bytes. */
  public byte[] encode() {
    ProtobufWriter out =
        new ProtobufWriter(identityKey.length + identitySig.length + 8)
            .bytesField(1, identityKey)
            .bytesField(2, identitySig);
    if (!streamMuxers.isEmpty()) {
      ProtobufWriter extensions = new ProtobufWriter(64);
      streamMuxers.forEach(m -> extensions.stringField(2, m));
      out.messageField(4, extensions);
    }
    return out.toByteArray();
  }

  /**
   * Parses the protobuf bytes.
   *
   * @param bytes the decrypted payload
   * @return the payload
   * @throws NoiseException {@code MALFORMED_MESSAGE} if the bytes are not a valid protobuf
   */
  public static NoiseHandshakePayload decode(byte[] bytes) throws NoiseException {
    try {
      byte[] key = new byte[0];
      byte[] sig = new byte[0];
      List<String> muxers = new ArrayList<>();
      ProtobufReader in = ProtobufReader.of(bytes);
      while (in.hasRemaining()) {
        ProtobufReader.Tag tag = in.readTag();
        switch (tag.fieldNumber() << 3 | tag.wireType()) {
          case 0x0a -> key = in.readBytes();
          case 0x12 -> sig = in.readBytes();
          case 0x22 -> readExtensions(in.readBytes(), muxers);
          default -> in.skip(tag);
        }
      }
      return new NoiseHandshakePayload(key, sig, muxers);
    } catch (MalformedProtobufException e) {
      throw new NoiseException(
          Reason.MALFORMED_MESSAGE, "malformed Noise handshake payload: " + e.getMessage(), e);
    }
  }

  private static void readExtensions(byte[] bytes, List<String> muxers) {
    ProtobufReader in = ProtobufReader.of(bytes);
    while (in.hasRemaining()) {
      ProtobufReader.Tag tag = in.readTag();
      if (tag.fieldNumber() == 2 && tag.wireType() == ProtobufReader.LENGTH_DELIMITED) {
        muxers.add(new String(in.readBytes(), StandardCharsets.UTF_8));
      } else {
        in.skip(tag);
      }
    }
  }
}
