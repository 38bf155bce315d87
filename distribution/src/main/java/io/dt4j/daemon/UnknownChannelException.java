package io.dt4j.daemon;

/** No channel matches what the user named. */
public class UnknownChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param ref what the user named: a channel id, a prefix or a transfer id
   */
  public UnknownChannelException(String ref) {
    super("no channel matches '" + ref + "' (see 'dt4j channels --all')");
  }
}
