package io.dt4j.ipld.car;

import java.io.IOException;

/**
 * Thrown when bytes read as a CAR do not follow the format: a bad varint, a truncated or oversized
 * section, a bad CID, a block whose bytes do not hash to its CID, a bad header or trailing garbage.
 * The message names the byte offset (from the start of the file) and what was wrong.
 *
 * <p>This is an {@link IOException} rather than a {@link io.dt4j.ipld.MalformedIpldException}
 * (which is final): a CAR is read from a stream, so callers already handle {@code IOException} for
 * the same read, and one {@code catch} covers both a broken disk or socket and a broken file.
 */
public final class CarFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * Creates an exception for a problem at a byte offset.
   *
   * @param offset the byte offset, from the start of the file, where the bad item starts
   * @param problem what was wrong
   */
  public CarFormatException(long offset, String problem) {
    super("CAR byte offset " + offset + ": " + problem);
    this.offset = offset;
  }

  /**
   * Creates an exception for a problem at a byte offset, with the lower-level cause.
   *
   * @param offset the byte offset, from the start of the file, where the bad item starts
   * @param problem what was wrong
   * @param cause the underlying failure
   */
  public CarFormatException(long offset, String problem, Throwable cause) {
    super("CAR byte offset " + offset + ": " + problem, cause);
    this.offset = offset;
  }

  /**
   * Returns the byte offset, from the start of the file, where the bad item starts.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }
}
