package io.dt4j.core.messages;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.cbor.CborReader;
import io.dt4j.ipld.cbor.CborWriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the typed fields of a data-transfer message with the limits and strictness Go's cbor-gen
 * applies to incoming data (data-transfer.md §2.8): shortest-form heads, exact bool and null bytes,
 * unsigned integers, text ≤ 8192 bytes (raw: peer ids are not UTF-8), CIDs ≤ 512 bytes, deferred
 * items captured whole with strings ≤ 2 MiB and containers ≤ 8192 entries.
 */
final class WireReader {
  static final int MAX_TEXT = 8192;
  static final int MAX_LENGTH = 8192;
  static final int MAX_CID = 512;
  static final int MAX_DEFERRED_STRING = 2 << 20;
  static final int MAX_DEPTH = 64;

  private static final int NULL = 0xf6;
  private static final int FALSE = 0xf4;
  private static final int TRUE = 0xf5;

  private final byte[] data;
  private final CborReader reader;

  WireReader(byte[] data, String format) {
    this.data = data;
    this.reader = new CborReader(data, format);
  }

  boolean atEnd() {
    return reader.atEnd();
  }

  int offset() {
    return reader.offset();
  }

  MalformedIpldException error(String field, String problem) {
    return reader.error("field " + field + ": " + problem);
  }

  /** Consumes a null if one is next; returns whether it did. */
  boolean takeNull() {
    if (!reader.atEnd() && (data[reader.offset()] & 0xff) == NULL) {
      reader.readHead();
      return true;
    }
    return false;
  }

  long mapHeader(String field) {
    reader.readHead();
    if (reader.major() != CborWriter.MAP
        || Long.compareUnsigned(reader.argument(), MAX_LENGTH) > 0) {
      throw error(field, "expected a map of at most " + MAX_LENGTH + " entries");
    }
    return reader.argument();
  }

  void arrayHeader(String field, long expected) {
    reader.readHead();
    if (reader.major() != CborWriter.ARRAY) {
      throw error(field, "expected an array");
    }
    if (reader.argument() != expected) {
      throw error(
          field,
          "wrong number of fields: "
              + Long.toUnsignedString(reader.argument())
              + ", expected "
              + expected);
    }
  }

  boolean bool(String field) {
    reader.readHead();
    int head = (reader.major() << 5) | reader.info();
    if (head != FALSE && head != TRUE) {
      throw error(field, "expected true or false");
    }
    return head == TRUE;
  }

  long uint(String field) {
    reader.readHead();
    if (reader.major() != CborWriter.UNSIGNED) {
      throw error(field, "expected an unsigned integer");
    }
    return reader.argument();
  }

  /** Reads a text string's raw bytes (not checked to be UTF-8, as cbor-gen does not). */
  byte[] text(String field) {
    reader.readHead();
    if (reader.major() != CborWriter.TEXT) {
      throw error(field, "expected a text string");
    }
    if (Long.compareUnsigned(reader.argument(), MAX_TEXT) > 0) {
      throw error(field, "text longer than " + MAX_TEXT + " bytes");
    }
    return reader.content(reader.argument());
  }

  Optional<Cid> cidOrNull(String field) {
    if (takeNull()) {
      return Optional.empty();
    }
    reader.readHead();
    if (reader.major() != CborWriter.TAG || reader.argument() != 42) {
      throw error(field, "expected a CID (tag 42) or null");
    }
    reader.readHead();
    if (reader.major() != CborWriter.BYTES
        || Long.compareUnsigned(reader.argument(), MAX_CID) > 0) {
      throw error(field, "expected the CID's byte string of at most " + MAX_CID + " bytes");
    }
    byte[] bytes = reader.content(reader.argument());
    if (bytes.length < 2 || bytes[0] != 0) {
      throw error(field, "a CID's bytes start with the 0x00 multibase prefix");
    }
    try {
      return Optional.of(Cid.fromBytes(Arrays.copyOfRange(bytes, 1, bytes.length)));
    } catch (MalformedIpldException e) {
      throw error(field, "invalid CID: " + e.getMessage());
    }
  }

  /** Captures one complete CBOR item as raw bytes, or empty for null (a deferred field). */
  Optional<byte[]> deferredOrNull(String field) {
    if (takeNull()) {
      return Optional.empty();
    }
    int start = reader.offset();
    skipItem(field, 0);
    return Optional.of(Arrays.copyOfRange(data, start, reader.offset()));
  }

  /** A ChannelID tuple {@code [initiator, responder, id]}; the zero value is empty. */
  Optional<ChannelId> channelId(String field) {
    arrayHeader(field, 3);
    byte[] initiator = text(field + ".Initiator");
    byte[] responder = text(field + ".Responder");
    long id = uint(field + ".ID");
    if (initiator.length == 0 && responder.length == 0 && id == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ChannelId(
            PeerId.fromWireBytes(initiator), PeerId.fromWireBytes(responder), new TransferId(id)));
  }

  private void skipItem(String field, int depth) {
    if (depth > MAX_DEPTH) {
      throw error(field, "nested deeper than " + MAX_DEPTH);
    }
    reader.readHead();
    long argument = reader.argument();
    switch (reader.major()) {
      case CborWriter.BYTES, CborWriter.TEXT -> {
        if (Long.compareUnsigned(argument, MAX_DEFERRED_STRING) > 0) {
          throw error(field, "string longer than " + MAX_DEFERRED_STRING + " bytes");
        }
        reader.content(argument);
      }
      case CborWriter.ARRAY, CborWriter.MAP -> {
        if (Long.compareUnsigned(argument, MAX_LENGTH) > 0) {
          throw error(field, "more than " + MAX_LENGTH + " entries");
        }
        long items = reader.major() == CborWriter.MAP ? argument * 2 : argument;
        reader.requireItems(items);
        for (long i = 0; i < items; i++) {
          skipItem(field, depth + 1);
        }
      }
      case CborWriter.TAG -> skipItem(field, depth + 1);
      default -> {
        // integers, simple values and floats: the head is the whole item
      }
    }
  }
}
