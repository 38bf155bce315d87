package io.dt4j.ipld.blockstore;

import io.dt4j.ipld.Cid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Thrown when a stored block's bytes no longer hash to its CID, i.e. the file was damaged on disk.
 * It is an {@link UncheckedIOException} because the {@link io.dt4j.ipld.Blockstore} contract
 * reports storage failures that way; the block should be deleted and fetched again.
 */
public final class CorruptBlockException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  private final transient Cid cid;
  private final transient Path file;

  /**
   * Creates an exception for a damaged block file.
   *
   * @param cid the CID the block was requested under
   * @param file the file holding the damaged bytes
   */
  public CorruptBlockException(Cid cid, Path file) {
    this(cid, file, "stored block " + cid + " is corrupt: bytes of " + file + " do not hash to it");
  }

  private CorruptBlockException(Cid cid, Path file, String message) {
    super(message, new IOException(message));
    this.cid = cid;
    this.file = file;
  }

  /**
   * Returns the CID whose bytes are damaged.
   *
   * @return the CID
   */
  public Cid cid() {
    return cid;
  }

  /**
   * Returns the damaged file.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }
}
