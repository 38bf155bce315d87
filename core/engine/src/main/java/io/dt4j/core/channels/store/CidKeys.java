package io.dt4j.core.channels.store;

import io.dt4j.core.channels.CidSet;
import io.dt4j.ipld.Cid;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The key layout of the CID-set map: {@code [8-byte channel number, big-endian][1-byte set
 * code][binary CID]}, with an empty value. All CIDs of one set share the 9-byte prefix, so a set is
 * one contiguous key range: membership is one lookup, iteration and deletion are a range scan. The
 * channel number is assigned when the channel is first saved and is much shorter than a channel id
 * (two peer ids and a transfer id), which matters with millions of keys.
 *
 * <p>Set codes are fixed here, never taken from the enum's ordinal.
 */
final class CidKeys {
  /** Length of the per-set prefix: channel number and set code. */
  static final int PREFIX_LENGTH = 9;

  private CidKeys() {}

  /** Returns the stored code of a set (persisted: never change). */
  static byte code(CidSet set) {
    return switch (set) {
      case DATA_SENT -> 1;
      case DATA_QUEUED -> 2;
      case DATA_RECEIVED -> 3;
    };
  }

  /** Returns the prefix shared by every key of one set; also the key of the set's counter. */
  static byte[] prefix(long channelNumber, CidSet set) {
    return ByteBuffer.allocate(PREFIX_LENGTH).putLong(channelNumber).put(code(set)).array();
  }

  /** Returns the key of one CID in one set. */
  static byte[] key(long channelNumber, CidSet set, Cid cid) {
    byte[] cidBytes = cid.toBytes();
    return ByteBuffer.allocate(PREFIX_LENGTH + cidBytes.length)
        .putLong(channelNumber)
        .put(code(set))
        .put(cidBytes)
        .array();
  }

  /** Returns whether a key starts with a prefix. */
  static boolean hasPrefix(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Returns the CID of a key. */
  static Cid cid(byte[] key) {
    return Cid.fromBytes(Arrays.copyOfRange(key, PREFIX_LENGTH, key.length));
  }

  /** Returns the channel number of a key. */
  static long channelNumber(byte[] key) {
    return ByteBuffer.wrap(key).getLong();
  }
}
