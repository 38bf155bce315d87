package io.dt4j.ipld.selector;

/**
 * Thrown when a node is not a selector Go peers would accept (graphsync spec §6.2), or is one this
 * implementation refuses for safety. The message names the place inside the selector node, as a
 * path of map keys and list indexes from its root ({@code /R/:>/a/>}; {@code /} is the root).
 */
public final class InvalidSelectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The path inside the selector node. */
  private final String path;

  /** What is wrong there. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param path the path inside the selector node, {@code /} for the root
   * @param reason what is wrong there
   */
  public InvalidSelectorException(String path, String reason) {
    super("invalid selector at " + path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  /**
   * Returns the path inside the selector node.
   *
   * @return the path, {@code /} for the root
   */
  public String path() {
    return path;
  }

  /**
   * Returns what is wrong at {@link #path()}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
