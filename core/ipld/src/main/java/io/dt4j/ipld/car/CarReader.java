package io.dt4j.ipld.car;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multicodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Streams blocks out of a CARv1 or CARv2 (graphsync spec §8.5, §8.6), one section at a time. Memory
 * is bounded: the header may be at most {@link #MAX_HEADER_LENGTH} bytes and a section at most
 * {@link Options#maxSectionLength()}. A CARv2 is recognised by its pragma; its inner CARv1 payload
 * is read and whatever follows it (padding, index) is ignored, never read. Every error is a {@link
 * CarFormatException} naming the byte offset in the file. Not thread-safe.
 */
public final class CarReader implements AutoCloseable {
  /** Largest accepted header, in bytes. */
  public static final int MAX_HEADER_LENGTH = 1024 * 1024;

  /** Body of the CARv2 pragma: DAG-CBOR {@code {"version": 2}}, after its length byte 0x0a. */
  private static final byte[] V2_PRAGMA_BODY = {
    (byte) 0xa1, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x02
  };

  private static final int V2_PRAGMA_LENGTH = 1 + V2_PRAGMA_BODY.length;
  private static final int V2_HEADER_LENGTH = 40;

  private final CarInput input;
  private final Options options;
  private final CarHeader header;
  private final int carVersion;
  private boolean finished;

  /**
   * Read settings.
   *
   * @param verifyBlocks whether each block's bytes are hashed and checked against its CID
   * @param maxSectionLength largest accepted section ({@code len(cid) + len(data)}), in bytes
   */
  public record Options(boolean verifyBlocks, int maxSectionLength) {
    /** Default section limit: 4 MiB, above any Filecoin block (1 MiB) plus its CID. */
    public static final int DEFAULT_MAX_SECTION_LENGTH = 4 * 1024 * 1024;

    /** Verification on, 4 MiB sections. */
    public static final Options DEFAULT = new Options(true, DEFAULT_MAX_SECTION_LENGTH);

    /**
     * Checks the limit.
     *
     * @param verifyBlocks whether blocks are verified
     * @param maxSectionLength at least 1
     */
    public Options {
      if (maxSectionLength < 1) {
        throw new IllegalArgumentException(
            "maxSectionLength must be positive: " + maxSectionLength);
      }
    }
  }

  private CarReader(CarInput input, Options options) throws IOException {
    this.input = input;
    this.options = options;
    byte[] first = readHeaderBytes();
    if (Arrays.equals(first, V2_PRAGMA_BODY)) {
      carVersion = 2;
      enterV2Payload();
      long innerStart = input.offset();
      header = decodeHeader(readHeaderBytes(), innerStart);
    } else {
      carVersion = 1;
      header = decodeHeader(first, 0);
    }
  }

  /**
   * Opens a CAR with default options (verification on, 4 MiB sections) and reads its header. The
   * reader owns the stream and closes it.
   *
   * @param in the CAR bytes
   * @return the reader, positioned at the first block
   * @throws CarFormatException if the header is malformed
   * @throws IOException if reading fails
   */
  public static CarReader open(InputStream in) throws IOException {
    return open(in, Options.DEFAULT);
  }

  /**
   * Opens a CAR and reads its header. The reader owns the stream and closes it.
   *
   * @param in the CAR bytes
   * @param options verification and limits
   * @return the reader, positioned at the first block
   * @throws CarFormatException if the header is malformed
   * @throws IOException if reading fails
   */
  public static CarReader open(InputStream in, Options options) throws IOException {
    CarInput input = new CarInput(in);
    try {
      return new CarReader(input, options);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /**
   * Returns the CARv1 header (for a CARv2, the header of its inner payload).
   *
   * @return the header
   */
  public CarHeader header() {
    return header;
  }

  /**
   * Returns the container version: 1 for a plain CARv1, 2 for a CARv2.
   *
   * @return 1 or 2
   */
  public int carVersion() {
    return carVersion;
  }

  /**
   * Returns the byte offset, from the start of the file, of the next section.
   *
   * @return the offset
   */
  public long offset() {
    return input.offset();
  }

  /**
   * Reads the next block.
   *
   * @return the block, or empty at the end of the CAR
   * @throws CarFormatException if the section is malformed or, with verification on, the bytes do
   *     not hash to the CID
   * @throws UnsupportedOperationException with verification on, for a CID whose hash function dt4j
   *     cannot compute (anything but sha2-256, sha2-512 and identity)
   * @throws IOException if reading fails
   */
  public Optional<Block> next() throws IOException {
    if (finished) {
      return Optional.empty();
    }
    long start = input.offset();
    long length = input.readVarint("section length");
    if (length < 0) {
      finished = true;
      if (input.end() != Long.MAX_VALUE && start < input.end()) {
        throw new CarFormatException(
            start, "file ends before the CARv2 payload end at byte offset " + input.end());
      }
      return Optional.empty();
    }
    if (length == 0) {
      throw new CarFormatException(
          start, "trailing garbage: zero-length section (padding or junk after the last block?)");
    }
    if (length > options.maxSectionLength()) {
      throw new CarFormatException(
          start, "section length " + length + " is over the limit " + options.maxSectionLength());
    }
    byte[] section = input.readUpTo((int) length);
    if (section.length < length) {
      throw new CarFormatException(
          start,
          "truncated section: length " + length + " but only " + section.length + " bytes follow");
    }
    Block block = toBlock(start, section);
    if (options.verifyBlocks()) {
      verify(start, block);
    }
    return Optional.of(block);
  }

  private static Block toBlock(long start, byte[] section) throws CarFormatException {
    ByteBuffer buffer = ByteBuffer.wrap(section);
    Cid cid;
    try {
      cid = Cid.read(buffer);
    } catch (MalformedIpldException e) {
      throw new CarFormatException(start, "bad CID in section: " + e.getMessage(), e);
    }
    return Block.adopt(cid, Arrays.copyOfRange(section, buffer.position(), section.length));
  }

  private static void verify(long start, Block block) throws CarFormatException {
    try {
      block.verify();
    } catch (MalformedIpldException e) {
      throw new CarFormatException(
          start,
          "block bytes do not hash to their CID " + block.cid() + " (" + e.getMessage() + ")");
    } catch (UnsupportedOperationException e) {
      throw new UnsupportedOperationException(
          "cannot verify block "
              + block.cid()
              + " at CAR byte offset "
              + start
              + ": hash function "
              + Multicodec.name(block.cid().multihash().code())
              + " is not supported; open the CAR with verification off to read it",
          e);
    }
  }

  private byte[] readHeaderBytes() throws IOException {
    long start = input.offset();
    long length = input.readVarint("header length");
    if (length < 0) {
      throw new CarFormatException(start, "bad header: input ends before the CAR header");
    }
    if (length == 0 || length > MAX_HEADER_LENGTH) {
      throw new CarFormatException(
          start, "bad header: length " + length + " is not in 1.." + MAX_HEADER_LENGTH);
    }
    byte[] bytes = input.readUpTo((int) length);
    if (bytes.length < length) {
      throw new CarFormatException(
          start,
          "bad header: truncated, length "
              + length
              + " but only "
              + bytes.length
              + " bytes follow");
    }
    return bytes;
  }

  private static CarHeader decodeHeader(byte[] bytes, long start) throws CarFormatException {
    try {
      return CarHeader.fromDagCbor(bytes);
    } catch (MalformedIpldException e) {
      throw new CarFormatException(start, "bad header: " + e.getMessage(), e);
    }
  }

  /** Reads the 40-byte CARv2 header and moves to the start of the inner CARv1 payload. */
  private void enterV2Payload() throws IOException {
    byte[] bytes = new byte[V2_HEADER_LENGTH];
    long start = input.offset();
    if (input.readFully(bytes) < V2_HEADER_LENGTH) {
      throw new CarFormatException(start, "truncated CARv2 header: fewer than 40 bytes");
    }
    ByteBuffer fields = ByteBuffer.wrap(bytes, 16, 24).order(ByteOrder.LITTLE_ENDIAN);
    long dataOffset = fields.getLong();
    long dataSize = fields.getLong();
    long payloadStart = V2_PRAGMA_LENGTH + V2_HEADER_LENGTH;
    if (dataOffset < payloadStart || dataSize < 1 || dataOffset > Long.MAX_VALUE - dataSize) {
      throw new CarFormatException(
          start, "bad CARv2 header: data offset " + dataOffset + ", data size " + dataSize);
    }
    if (input.skip(dataOffset - payloadStart) < dataOffset - payloadStart) {
      throw new CarFormatException(
          input.offset(), "file ends before the CARv2 data offset " + dataOffset);
    }
    input.endAt(dataOffset + dataSize);
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    input.close();
  }
}
