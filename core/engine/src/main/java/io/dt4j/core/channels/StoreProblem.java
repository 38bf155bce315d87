package io.dt4j.core.channels;

import io.dt4j.api.ChannelId;
import java.util.Optional;

/**
 * Something a {@link ChannelStore} could not read when it opened: a corrupt record (named by its
 * channel id when the key is readable) or a damaged part of the file.
 *
 * @param channelId the channel whose record was lost, if known
 * @param what what was lost and why, in one line
 */
public record StoreProblem(Optional<ChannelId> channelId, String what) {
  @Override
  public String toString() {
    return channelId.map(id -> "channel " + id + ": ").orElse("") + what;
  }
}
