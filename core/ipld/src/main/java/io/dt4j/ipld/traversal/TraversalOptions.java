package io.dt4j.ipld.traversal;

import java.util.Objects;

/**
 * How a traversal treats missing blocks, and its safety bounds. Exceeding a bound throws {@link
 * BudgetExceededException}.
 *
 * @param missingBlocks what to do when the loader lacks a block
 * @param maxNodes the most nodes visited (go-ipld-prime's node budget)
 * @param maxBlocks the most link loads, the root's included, found or missing (go-ipld-prime's link
 *     budget counts links below the root only)
 * @param maxPathLength the longest path of a visited node
 */
public record TraversalOptions(
    MissingBlockPolicy missingBlocks, long maxNodes, long maxBlocks, int maxPathLength) {

  /**
   * Checks the arguments.
   *
   * @param missingBlocks what to do when the loader lacks a block
   * @param maxNodes the most nodes visited
   * @param maxBlocks the most link loads
   * @param maxPathLength the longest path of a visited node
   */
  public TraversalOptions {
    Objects.requireNonNull(missingBlocks, "missingBlocks");
    if (maxNodes < 0 || maxBlocks < 0 || maxPathLength < 0) {
      throw new IllegalArgumentException("bounds must not be negative");
    }
  }

  /**
   * Returns the defaults: fail on a missing block, no bounds.
   *
   * @return the options
   */
  public static TraversalOptions defaults() {
    return new TraversalOptions(
        MissingBlockPolicy.FAIL, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Returns these options with another missing-block policy.
   *
   * @param policy the policy
   * @return the options
   */
  public TraversalOptions withMissingBlocks(MissingBlockPolicy policy) {
    return new TraversalOptions(policy, maxNodes, maxBlocks, maxPathLength);
  }

  /**
   * Returns these options with another node bound.
   *
   * @param nodes the most nodes visited
   * @return the options
   */
  public TraversalOptions withMaxNodes(long nodes) {
    return new TraversalOptions(missingBlocks, nodes, maxBlocks, maxPathLength);
  }

  /**
   * Returns these options with another block bound.
   *
   * @param blocks the most link loads, the root's included
   * @return the options
   */
  public TraversalOptions withMaxBlocks(long blocks) {
    return new TraversalOptions(missingBlocks, maxNodes, blocks, maxPathLength);
  }

  /**
   * Returns these options with another path-length bound.
   *
   * @param length the longest path of a visited node
   * @return the options
   */
  public TraversalOptions withMaxPathLength(int length) {
    return new TraversalOptions(missingBlocks, maxNodes, maxBlocks, length);
  }
}
