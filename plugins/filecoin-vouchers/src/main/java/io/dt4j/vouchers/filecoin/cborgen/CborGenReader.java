package io.dt4j.vouchers.filecoin.cborgen;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.cbor.CborReader;
import io.dt4j.ipld.cbor.CborWriter;
import java.util.Arrays;

/**
 * Reads the fields of a cbor-gen struct from one CBOR item, with the limits cbor-gen applies to
 * incoming data (containers and text at most {@value #MAX_LENGTH} entries or bytes, byte strings at
 * most {@value #MAX_BYTE_ARRAY} bytes). Errors name the value's type, the field's path and the byte
 * offset.
 */
public final class CborGenReader {
  /** cbor-gen's {@code MaxLength}: entries of a container, bytes of a text string. */
  public static final int MAX_LENGTH = 8192;

  /** cbor-gen's {@code ByteArrayMaxLen}: bytes of a byte string. */
  public static final int MAX_BYTE_ARRAY = 2 << 20;

  /** The deepest nesting a deferred item may have. */
  static final int MAX_DEPTH = 64;

  private static final int NULL = 0xf6;

  private final byte[] data;
  private final String format;
  private final CborReader reader;

  /**
   * Reads the given bytes.
   *
   * @param data one CBOR item
   * @param format what the item is, for errors, e.g. {@code RetrievalDealProposal/1}
   */
  public CborGenReader(byte[] data, String format) {
    this.data = data;
    this.format = format;
    this.reader = new CborReader(data, format);
  }

  /**
   * Returns an error about the last item read, naming the field and the byte offset.
   *
   * @param path the field, e.g. {@code Params.PricePerByte}
   * @param problem what is wrong
   * @return the exception to throw
   */
  public MalformedIpldException error(String path, String problem) {
    return reader.error(path.isEmpty() ? problem : "field " + path + ": " + problem);
  }

  /** Fails if any input is left after the value: a voucher is exactly one CBOR item. */
  public void requireEnd() {
    if (!reader.atEnd()) {
      throw new MalformedIpldException(
          format
              + ": "
              + (data.length - reader.offset())
              + " trailing bytes after the value at byte offset "
              + reader.offset());
    }
  }

  /** Consumes a CBOR null if one is next; returns whether it did. */
  public boolean takeNull() {
    if (!reader.atEnd() && (data[reader.offset()] & 0xff) == NULL) {
      reader.readHead();
      return true;
    }
    return false;
  }

  /**
   * Reads a head that must be of the given major type and returns its argument.
   *
   * @param major the expected major type
   * @param path the field
   * @param what the expected item, for the error, e.g. {@code a byte string}
   * @return the head's argument, unsigned
   */
  public long head(int major, String path, String what) {
    reader.readHead();
    if (reader.major() != major) {
      throw error(path, "expected " + what);
    }
    return reader.argument();
  }

  /**
   * Reads a head of the given major type whose argument is a length of at most {@code max}.
   *
   * @param major the expected major type
   * @param max the largest length allowed
   * @param path the field
   * @param what the expected item, for the error
   * @return the length
   */
  public int length(int major, int max, String path, String what) {
    long length = head(major, path, what);
    if (Long.compareUnsigned(length, max) > 0) {
      throw error(path, what + " longer than " + max);
    }
    return (int) length;
  }

  /**
   * Reads the content bytes of a string whose head was just read.
   *
   * @param length the length from the head
   * @return the bytes
   */
  public byte[] content(int length) {
    return reader.content(length);
  }

  /**
   * Reads a signed 64-bit integer (major type 0 or 1), as cbor-gen reads an {@code int64}.
   *
   * @param path the field
   * @return the value
   */
  public long int64(String path) {
    reader.readHead();
    long argument = reader.argument();
    if (reader.major() != CborWriter.UNSIGNED && reader.major() != CborWriter.NEGATIVE) {
      throw error(path, "expected an integer");
    }
    if (argument < 0) {
      throw error(path, "integer outside the int64 range");
    }
    return reader.major() == CborWriter.UNSIGNED ? argument : -1 - argument;
  }

  /**
   * Captures one complete CBOR item as raw bytes (cbor-gen's {@code Deferred}).
   *
   * @param path the field
   * @return the item's bytes
   */
  public byte[] item(String path) {
    int start = reader.offset();
    skip(path, 0);
    return Arrays.copyOfRange(data, start, reader.offset());
  }

  private void skip(String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw error(path, "nested deeper than " + MAX_DEPTH);
    }
    reader.readHead();
    long argument = reader.argument();
    switch (reader.major()) {
      case CborWriter.BYTES, CborWriter.TEXT -> {
        if (Long.compareUnsigned(argument, MAX_BYTE_ARRAY) > 0) {
          throw error(path, "string longer than " + MAX_BYTE_ARRAY + " bytes");
        }
        reader.content(argument);
      }
      case CborWriter.ARRAY, CborWriter.MAP -> {
        if (Long.compareUnsigned(argument, MAX_LENGTH) > 0) {
          throw error(path, "more than " + MAX_LENGTH + " entries");
        }
        long items = reader.major() == CborWriter.MAP ? argument * 2 : argument;
        reader.requireItems(items);
        for (long i = 0; i < items; i++) {
          skip(path, depth + 1);
        }
      }
      case CborWriter.TAG -> skip(path, depth + 1);
      default -> {
        // integers, simple values and floats: the head is the whole item
      }
    }
  }
}
