package io.dt4j.demo;

import java.nio.file.Path;

/** {@code --keep DIR} names a folder that already holds files; the demo never writes over them. */
public class WorkDirNotEmptyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param dir the folder
   */
  public WorkDirNotEmptyException(Path dir) {
    super(dir + " is not empty: give --keep a new or empty folder");
  }
}
