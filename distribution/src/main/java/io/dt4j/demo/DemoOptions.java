package io.dt4j.demo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a demo run does.
 *
 * @param size the source file's bytes
 * @param push true: node A pushes to node B; false: node B pulls from node A
 * @param keep where to keep the nodes' homes and the files; empty: a temporary folder, deleted at
 *     the end
 * @param pluginsDir the plugins both nodes load (the transport and the example voucher)
 * @param seed what chooses the source file's bytes
 */
public record DemoOptions(
    long size, boolean push, Optional<Path> keep, Path pluginsDir, long seed) {

  /** The seed of {@code dt4j demo}: every run moves the same bytes. */
  public static final long DEFAULT_SEED = 1;

  /** Checks the values. */
  public DemoOptions {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    Objects.requireNonNull(keep, "keep");
    Objects.requireNonNull(pluginsDir, "pluginsDir");
  }
}
