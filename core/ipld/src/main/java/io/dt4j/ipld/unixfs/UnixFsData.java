package io.dt4j.ipld.unixfs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The UnixFS v1 {@code unixfs.pb.Data} message carried in {@code PBNode.Data} (graphsync spec
 * §8.4). {@link #encode()} writes fields in field-number order like go-unixfs and the JS importer,
 * so CIDs match; {@link #decode(byte[])} is strict. Arrays are copied in and out.
 *
 * @param type field 1, required
 * @param data field 2: file bytes held in this node
 * @param filesize field 3: file bytes under this node
 * @param blocksizes field 4 (repeated, unpacked): file bytes under each child link, in link order
 * @param hashType field 5: HAMT hash function (HAMTShard only)
 * @param fanout field 6: HAMT fanout (HAMTShard only)
 * @param mode field 7 (UnixFS 1.5): POSIX permission bits, 0 to 0xFFFFFFFF
 * @param mtime field 8 (UnixFS 1.5): modification time
 */
public record UnixFsData(
    DataType type,
    Optional<byte[]> data,
    OptionalLong filesize,
    List<Long> blocksizes,
    OptionalLong hashType,
    OptionalLong fanout,
    OptionalLong mode,
    Optional<UnixTime> mtime) {

  /** The {@code DataType} enum with its wire codes. */
  public enum DataType {
    /** Raw data (old go leaves); code 0. */
    RAW(0),
    /** A directory; code 1. */
    DIRECTORY(1),
    /** A file or a file chunk; code 2. */
    FILE(2),
    /** Metadata; code 3. */
    METADATA(3),
    /** A symbolic link; code 4. */
    SYMLINK(4),
    /** A node of a HAMT-sharded directory; code 5. */
    HAMT_SHARD(5);

    private final int code;

    DataType(int code) {
      this.code = code;
    }

    /**
     * Returns the wire code.
     *
     * @return the code
     */
    public int code() {
      return code;
    }

    /**
     * Finds the type for a wire code.
     *
     * @param code the wire code
     * @return the type, or empty if the code is unknown
     */
    public static Optional<DataType> fromCode(long code) {
      return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
  }

  /**
   * Copies the arrays and checks ranges.
   *
   * @param type the node type
   * @param data file bytes in this node
   * @param filesize file bytes under this node
   * @param blocksizes file bytes under each child
   * @param hashType HAMT hash function
   * @param fanout HAMT fanout
   * @param mode permission bits
   * @param mtime modification time
   */
  public UnixFsData {
    Objects.requireNonNull(type, "type");
    data = Objects.requireNonNull(data, "data").map(byte[]::clone);
    blocksizes = List.copyOf(blocksizes);
    requireNonNegative("filesize", filesize);
    requireNonNegative("hashType", hashType);
    requireNonNegative("fanout", fanout);
    requireNonNegative("mode", mode);
    for (long size : blocksizes) {
      if (size < 0) {
        throw new IllegalArgumentException("blocksizes must not be negative, got " + size);
      }
    }
    if (mode.isPresent() && mode.getAsLong() > 0xffffffffL) {
      throw new IllegalArgumentException("mode must fit 32 bits, got " + mode.getAsLong());
    }
    Objects.requireNonNull(mtime, "mtime");
  }

  private static void requireNonNegative(String name, OptionalLong value) {
    Objects.requireNonNull(value, name);
    if (value.isPresent() && value.getAsLong() < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value.getAsLong());
    }
  }

  /**
   * A file leaf as go-unixfs and the JS importer write it: type File, the chunk as data (omitted
   * when empty) and filesize = chunk length.
   *
   * @param chunk the file bytes of this leaf
   * @return the message
   */
  public static UnixFsData fileLeaf(byte[] chunk) {
    Optional<byte[]> data = chunk.length == 0 ? Optional.empty() : Optional.of(chunk);
    return new UnixFsData(
        DataType.FILE,
        data,
        OptionalLong.of(chunk.length),
        List.of(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /**
   * An inner file node: type File, no data, blocksizes per child and filesize = their sum.
   *
   * @param blocksizes the file bytes under each child, in link order
   * @return the message
   */
  public static UnixFsData fileParent(List<Long> blocksizes) {
    long total = 0;
    for (long size : blocksizes) {
      total = Math.addExact(total, size);
    }
    return new UnixFsData(
        DataType.FILE,
        Optional.empty(),
        OptionalLong.of(total),
        blocksizes,
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /**
   * A directory node without metadata, as a flat (non-sharded) directory carries.
   *
   * @return the message
   */
  public static UnixFsData directory() {
    return new UnixFsData(
        DataType.DIRECTORY,
        Optional.empty(),
        OptionalLong.empty(),
        List.of(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty());
  }

  /**
   * Returns a copy of the data, if present.
   *
   * @return the Data field
   */
  @Override
  public Optional<byte[]> data() {
    return data.map(byte[]::clone);
  }

  /** Returns the data array itself, or null, for this package's encoder and exporter. */
  byte[] dataUnsafe() {
    return data.orElse(null);
  }

  /**
   * Encodes the message, fields in field-number order, blocksizes unpacked.
   *
   * @return the bytes for {@code PBNode.Data}
   */
  public byte[] encode() {
    return UnixFsDataWire.encode(this);
  }

  /**
   * Decodes a message strictly: type required and known, no unknown fields, wire types checked, no
   * duplicate singular fields, lengths within the input.
   *
   * @param bytes the {@code PBNode.Data} bytes
   * @return the message
   * @throws io.dt4j.ipld.MalformedIpldException naming the byte offset of the first violation
   */
  public static UnixFsData decode(byte[] bytes) {
    return UnixFsDataWire.decode(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnixFsData that
        && type == that.type
        && data.isPresent() == that.data.isPresent()
        && Arrays.equals(dataUnsafe(), that.dataUnsafe())
        && filesize.equals(that.filesize)
        && blocksizes.equals(that.blocksizes)
        && hashType.equals(that.hashType)
        && fanout.equals(that.fanout)
        && mode.equals(that.mode)
        && mtime.equals(that.mtime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type,
        data.map(Arrays::hashCode).orElse(-1),
        filesize,
        blocksizes,
        hashType,
        fanout,
        mode,
        mtime);
  }

  @Override
  public String toString() {
    return "UnixFsData[type="
        + type
        + ", data="
        + data.map(d -> d.length + " bytes").orElse("absent")
        + ", filesize="
        + filesize
        + ", blocksizes="
        + blocksizes
        + ", hashType="
        + hashType
        + ", fanout="
        + fanout
        + ", mode="
        + mode
        + ", mtime="
        + mtime
        + "]";
  }
}
