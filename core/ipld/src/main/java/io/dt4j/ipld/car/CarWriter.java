package io.dt4j.ipld.car;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Varint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams a CARv1 (graphsync spec §8.5) to an output stream: the header on construction, then one
 * section {@code varint(len(cid) + len(data)) · cid · data} per {@link #put(Block)}. Only a small
 * write buffer is held, never the file. Blocks are written as given, in call order, without
 * verification or de-duplication. Not thread-safe.
 */
public final class CarWriter implements AutoCloseable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final OutputStream out;
  private long bytesWritten;
  private long blocksWritten;

  /**
   * Writes the CARv1 header for the given roots. The writer owns the stream and closes it.
   *
   * @param out where the CAR goes
   * @param roots the root CIDs for the header, possibly empty
   * @throws IOException if writing the header fails
   */
  public CarWriter(OutputStream out, List<Cid> roots) throws IOException {
    this.out = new BufferedOutputStream(out, BUFFER_SIZE);
    byte[] header = CarHeader.of(roots).toDagCbor();
    writeFrame(header.length, header, new byte[0]);
  }

  /**
   * Appends one block as a section.
   *
   * @param block the block
   * @throws IOException if writing fails
   */
  public void put(Block block) throws IOException {
    byte[] cid = block.cid().toBytes();
    byte[] data = block.dataUnsafe();
    writeFrame((long) cid.length + data.length, cid, data);
    blocksWritten++;
  }

  private void writeFrame(long length, byte[] first, byte[] second) throws IOException {
    byte[] prefix = Varint.encode(length);
    out.write(prefix);
    out.write(first);
    out.write(second);
    bytesWritten += prefix.length + length;
  }

  /**
   * Returns how many bytes have been written so far, header included.
   *
   * @return the CAR length so far
   */
  public long bytesWritten() {
    return bytesWritten;
  }

  /**
   * Returns how many blocks have been written so far.
   *
   * @return the block count
   */
  public long blocksWritten() {
    return blocksWritten;
  }

  /**
   * Flushes buffered bytes to the stream without closing it.
   *
   * @throws IOException if writing fails
   */
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
