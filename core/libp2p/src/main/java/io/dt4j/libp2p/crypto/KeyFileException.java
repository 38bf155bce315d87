package io.dt4j.libp2p.crypto;

import java.io.IOException;
import java.nio.file.Path;

/** A node identity file cannot be read, written, or holds no valid key. Names the file. */
public final class KeyFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  KeyFileException(Path path, String problem, Throwable cause) {
    super("identity key file " + path + ": " + problem, cause);
    this.path = path;
  }

  /** Returns the file. */
  public Path path() {
    return path;
  }
}
