package io.dt4j.ipld.traversal;

/** A traversal went past one of the bounds of its {@link TraversalOptions}. */
public final class BudgetExceededException extends TraversalException {
  private static final long serialVersionUID = 1L;

  /** Which bound. */
  private final Bound bound;

  /** The bounds of {@link TraversalOptions}. */
  public enum Bound {
    /** {@link TraversalOptions#maxNodes()}. */
    NODES,
    /** {@link TraversalOptions#maxBlocks()}. */
    BLOCKS,
    /** {@link TraversalOptions#maxPathLength()}. */
    PATH_LENGTH
  }

  /**
   * Creates the exception.
   *
   * @param bound the bound exceeded
   * @param limit its value
   * @param path where the traversal was
   */
  public BudgetExceededException(Bound bound, long limit, Path path) {
    super("traversal exceeds its " + bound + " bound of " + limit, path, null);
    this.bound = bound;
  }

  /**
   * Returns the bound exceeded.
   *
   * @return the bound
   */
  public Bound bound() {
    return bound;
  }
}
