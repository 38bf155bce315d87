package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import java.util.List;

/** More than one channel matches what the user named; the candidates are listed. */
public class AmbiguousChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ChannelId> candidates;

  /**
   * @param ref what the user named
   * @param candidates every channel it matches
   */
  public AmbiguousChannelException(String ref, List<ChannelId> candidates) {
    super(
        "'"
            + ref
            + "' matches "
            + candidates.size()
            + " channels; give the full channel id (or a longer prefix)");
    this.candidates = List.copyOf(candidates);
  }

  /** Returns the channels that match. */
  public List<ChannelId> candidates() {
    return candidates;
  }
}
