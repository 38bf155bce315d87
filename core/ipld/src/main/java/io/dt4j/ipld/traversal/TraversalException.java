package io.dt4j.ipld.traversal;

import java.util.Objects;

/** A traversal could not go on; says where. The cursor that threw is done. */
public abstract sealed class TraversalException extends RuntimeException
    permits MissingBlockException, BudgetExceededException, BlockDecodeException {
  private static final long serialVersionUID = 1L;

  /** Where the traversal was. */
  private final transient Path path;

  TraversalException(String message, Path path, Throwable cause) {
    super(message + " at path '" + shorten(path) + "'", cause);
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The path as text, its middle elided when long: a 100k-deep path would make a huge message. */
  private static String shorten(Path path) {
    String text = path.toString();
    return text.length() <= 200
        ? text
        : text.substring(0, 80) + "/…/" + text.substring(text.length() - 80);
  }

  /**
   * Returns where the traversal was: the link's path for a block, the node's path otherwise.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }
}
