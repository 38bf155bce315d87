package io.dt4j.core.channels;

/**
 * The entry action of the clean-up statuses (Cancelling, Failing, Completing): forget the
 * transport's state for the channel, unprotect the peer connection (data-transfer.md §4.3 item 7).
 * Runs on the channel's ordered executor; must not block for long.
 */
@FunctionalInterface
public interface CleanupAction {

  /**
   * Cleans a channel up.
   *
   * @param record the channel, in a clean-up status
   */
  void cleanUp(ChannelRecord record);
}
