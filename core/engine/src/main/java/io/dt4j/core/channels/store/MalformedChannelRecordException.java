package io.dt4j.core.channels.store;

import io.dt4j.core.channels.ChannelStoreException;

/** Stored bytes are not a channel record of a known format version; names the faulty field. */
public final class MalformedChannelRecordException extends ChannelStoreException {
  private static final long serialVersionUID = 1L;

  /** The record field that was missing or wrong, or {@code "(record)"} for the whole value. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field that was missing or wrong
   * @param problem what was wrong with it
   */
  public MalformedChannelRecordException(String field, String problem) {
    super("malformed channel record, field '" + field + "': " + problem);
    this.field = field;
  }

  /**
   * Creates the exception with a lower-level cause.
   *
   * @param field the field that was missing or wrong
   * @param problem what was wrong with it
   * @param cause the underlying failure
   */
  public MalformedChannelRecordException(String field, String problem, Throwable cause) {
    super("malformed channel record, field '" + field + "': " + problem, cause);
    this.field = field;
  }

  /**
   * Returns the field that was missing or wrong.
   *
   * @return the field name as stored
   */
  public String field() {
    return field;
  }
}
