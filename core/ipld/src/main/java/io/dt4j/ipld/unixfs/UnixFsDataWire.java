package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.protobuf.ProtobufReader;
import io.dt4j.ipld.protobuf.ProtobufReader.Tag;
import io.dt4j.ipld.protobuf.ProtobufWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The wire table of {@code unixfs.pb.Data} (proto2) and of {@code UnixTime}:
 *
 * <pre>
 * Data:     Type 1 varint (required) | Data 2 bytes | filesize 3 varint | blocksizes 4 varint
 *           (repeated; packed form also accepted on decode) | hashType 5 varint | fanout 6 varint
 *           | mode 7 varint | mtime 8 UnixTime
 * UnixTime: Seconds 1 varint (int64) | FractionalNanoseconds 2 fixed32
 * </pre>
 *
 * Negative int64 seconds (10-byte varints) are not accepted: sizes and times are read as varints
 * below 2^63, and no importer writes pre-1970 times.
 */
final class UnixFsDataWire {
  private static final int TYPE = 1;
  private static final int DATA = 2;
  private static final int FILESIZE = 3;
  private static final int BLOCKSIZES = 4;
  private static final int HASH_TYPE = 5;
  private static final int FANOUT = 6;
  private static final int MODE = 7;
  private static final int MTIME = 8;
  private static final int SECONDS = 1;
  private static final int NANOS = 2;

  private UnixFsDataWire() {}

  static byte[] encode(UnixFsData message) {
    byte[] data = message.dataUnsafe();
    ProtobufWriter out =
        new ProtobufWriter((data == null ? 0 : data.length) + 16 + message.blocksizes().size() * 6);
    out.varintField(TYPE, message.type().code());
    if (data != null) {
      out.bytesField(DATA, data);
    }
    message.filesize().ifPresent(value -> out.varintField(FILESIZE, value));
    for (long size : message.blocksizes()) {
      out.varintField(BLOCKSIZES, size);
    }
    message.hashType().ifPresent(value -> out.varintField(HASH_TYPE, value));
    message.fanout().ifPresent(value -> out.varintField(FANOUT, value));
    message.mode().ifPresent(value -> out.varintField(MODE, value));
    message.mtime().ifPresent(time -> out.bytesField(MTIME, encodeTime(time)));
    return out.toByteArray();
  }

  private static byte[] encodeTime(UnixTime time) {
    ProtobufWriter out = new ProtobufWriter(16);
    out.varintField(SECONDS, time.seconds());
    time.fractionalNanoseconds().ifPresent(nanos -> out.fixed32Field(NANOS, nanos));
    return out.toByteArray();
  }

  static UnixFsData decode(byte[] bytes) {
    ProtobufReader in = ProtobufReader.of(bytes);
    Fields fields = new Fields();
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      if (tag.fieldNumber() < TYPE || tag.fieldNumber() > MTIME) {
        throw malformed("unknown field " + tag.fieldNumber(), tag);
      }
      if (tag.fieldNumber() == BLOCKSIZES) {
        readBlocksizes(in, tag, fields.blocksizes);
        continue;
      }
      if (fields.seen.get(tag.fieldNumber())) {
        throw malformed("duplicate field " + tag.fieldNumber(), tag);
      }
      fields.seen.set(tag.fieldNumber());
      readSingular(in, tag, fields);
    }
    if (fields.type == null) {
      throw new MalformedIpldException("unixfs: Data message has no Type (required)");
    }
    return new UnixFsData(
        fields.type,
        Optional.ofNullable(fields.data),
        fields.filesize,
        fields.blocksizes,
        fields.hashType,
        fields.fanout,
        fields.mode,
        Optional.ofNullable(fields.mtime));
  }

  /** Mutable decoding state of one message; never escapes {@link #decode}. */
  private static final class Fields {
    final BitSet seen = new BitSet();
    final List<Long> blocksizes = new ArrayList<>();
    UnixFsData.DataType type;
    byte[] data;
    OptionalLong filesize = OptionalLong.empty();
    OptionalLong hashType = OptionalLong.empty();
    OptionalLong fanout = OptionalLong.empty();
    OptionalLong mode = OptionalLong.empty();
    UnixTime mtime;
  }

  private static void readSingular(ProtobufReader in, Tag tag, Fields fields) {
    int field = tag.fieldNumber();
    if (field == DATA || field == MTIME) {
      expectWire(tag, ProtobufReader.LENGTH_DELIMITED);
      if (field == DATA) {
        fields.data = in.readBytes();
      } else {
        fields.mtime = decodeTime(in.readEmbedded());
      }
      return;
    }
    expectWire(tag, ProtobufReader.VARINT);
    long value = in.readVarint();
    switch (field) {
      case TYPE ->
          fields.type =
              UnixFsData.DataType.fromCode(value)
                  .orElseThrow(() -> malformed("unknown DataType " + value, tag));
      case FILESIZE -> fields.filesize = OptionalLong.of(value);
      case HASH_TYPE -> fields.hashType = OptionalLong.of(value);
      case FANOUT -> fields.fanout = OptionalLong.of(value);
      default -> {
        if (value > 0xffffffffL) {
          throw malformed("mode " + value + " does not fit uint32", tag);
        }
        fields.mode = OptionalLong.of(value);
      }
    }
  }

  private static void readBlocksizes(ProtobufReader in, Tag tag, List<Long> out) {
    if (tag.wireType() == ProtobufReader.VARINT) {
      out.add(in.readVarint());
    } else if (tag.wireType() == ProtobufReader.LENGTH_DELIMITED) {
      ProtobufReader packed = in.readEmbedded();
      while (packed.hasRemaining()) {
        out.add(packed.readVarint());
      }
    } else {
      throw malformed("blocksizes has wire type " + tag.wireType() + ", expected 0 or 2", tag);
    }
  }

  private static UnixTime decodeTime(ProtobufReader in) {
    OptionalLong seconds = OptionalLong.empty();
    OptionalInt nanos = OptionalInt.empty();
    while (in.hasRemaining()) {
      Tag tag = in.readTag();
      if (tag.fieldNumber() == SECONDS && seconds.isEmpty()) {
        expectWire(tag, ProtobufReader.VARINT);
        seconds = OptionalLong.of(in.readVarint());
      } else if (tag.fieldNumber() == NANOS && nanos.isEmpty()) {
        expectWire(tag, ProtobufReader.FIXED32);
        long value = in.readFixed32();
        if (value < 1 || value > 999_999_999) {
          throw malformed("UnixTime nanoseconds " + value + " out of range", tag);
        }
        nanos = OptionalInt.of((int) value);
      } else {
        throw malformed("unknown or duplicate UnixTime field " + tag.fieldNumber(), tag);
      }
    }
    if (seconds.isEmpty()) {
      throw new MalformedIpldException("unixfs: UnixTime without Seconds (required)");
    }
    return new UnixTime(seconds.getAsLong(), nanos);
  }

  private static void expectWire(Tag tag, int wireType) {
    if (tag.wireType() != wireType) {
      throw malformed(
          "field "
              + tag.fieldNumber()
              + " has wire type "
              + tag.wireType()
              + ", expected "
              + wireType,
          tag);
    }
  }

  private static MalformedIpldException malformed(String problem, Tag tag) {
    return new MalformedIpldException("unixfs: " + problem + " at byte offset " + tag.offset());
  }
}
