package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelMessages;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The daemon's event stream as a client reads it: one {@link ChannelMessages.Update} per {@code
 * data:} line; comment lines (the daemon's keepalive, at least every 15 s) are skipped but let a
 * deadline be checked. Read from one thread; close it to leave the stream.
 */
final class EventFeed implements AutoCloseable {
  private final Stream<String> lines;
  private final Iterator<String> iterator;

  EventFeed(Stream<String> lines) {
    this.lines = lines;
    this.iterator = lines.iterator();
  }

  /**
   * Waits for the next update.
   *
   * @param deadline when to give up, or null to wait as long as the stream lasts
   * @return the update, or empty when the daemon ended the stream
   * @throws CliException with {@link ExitCode#TIMEOUT} once the deadline has passed
   */
  Optional<ChannelMessages.Update> next(Instant deadline) {
    try {
      while (iterator.hasNext()) {
        String line = iterator.next();
        if (line.startsWith("data:")) {
          return Optional.of(
              AdminClient.parse(line.substring(5).strip(), ChannelMessages.Update.class));
        }
        if (deadline != null && Instant.now().isAfter(deadline)) {
          throw new CliException("gave up waiting (--timeout)", ExitCode.TIMEOUT);
        }
      }
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    lines.close();
  }
}
