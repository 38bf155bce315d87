package io.dt4j.demo;

/** A size that {@link DataSize#parse} cannot read, or one out of range. */
public class InvalidSizeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param text the size as given
   * @param why what is wrong with it
   */
  public InvalidSizeException(String text, String why) {
    super("bad size '" + text + "': " + why + " (e.g. 256MiB, 1GiB, 10MB or 4096)");
  }
}
