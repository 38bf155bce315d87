package io.dt4j.core.messages;

import io.dt4j.api.ChannelId;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.cbor.CborWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Writes the typed fields of a data-transfer message as cbor-gen does (data-transfer.md §2). */
final class WireWriter {
  private final CborWriter out = new CborWriter();

  WireWriter map(int entries) {
    out.head(CborWriter.MAP, entries);
    return this;
  }

  WireWriter array(int items) {
    out.head(CborWriter.ARRAY, items);
    return this;
  }

  WireWriter key(String key) {
    return text(key);
  }

  WireWriter text(String value) {
    out.bytes(CborWriter.TEXT, value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  WireWriter rawText(byte[] value) {
    out.bytes(CborWriter.TEXT, value);
    return this;
  }

  WireWriter bool(boolean value) {
    out.simple(value ? 21 : 20);
    return this;
  }

  WireWriter uint(long value) {
    out.head(CborWriter.UNSIGNED, value);
    return this;
  }

  WireWriter nil() {
    out.simple(22);
    return this;
  }

  WireWriter cidOrNull(Optional<Cid> cid) {
    if (cid.isEmpty()) {
      return nil();
    }
    byte[] bytes = cid.get().toBytes();
    byte[] prefixed = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, prefixed, 1, bytes.length);
    out.head(CborWriter.TAG, 42);
    out.bytes(CborWriter.BYTES, prefixed);
    return this;
  }

  WireWriter deferredOrNull(Optional<byte[]> item) {
    if (item.isEmpty()) {
      return nil();
    }
    out.raw(item.get());
    return this;
  }

  /** A ChannelID tuple; the zero value {@code ["", "", 0]} when absent. */
  WireWriter channelId(Optional<ChannelId> id) {
    array(3);
    if (id.isEmpty()) {
      return rawText(new byte[0]).rawText(new byte[0]).uint(0);
    }
    return rawText(id.get().initiator().toBytes())
        .rawText(id.get().responder().toBytes())
        .uint(id.get().id().value());
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
