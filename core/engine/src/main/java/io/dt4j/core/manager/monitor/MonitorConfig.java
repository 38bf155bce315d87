package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the channel monitor watches the channels this node initiated: go-data-transfer's monitor
 * fields (data-transfer.md §5.8) plus dt4j's data-rate check. Build one with {@link #builder()},
 * which starts from {@link #lotusDefaults()}.
 *
 * <p>A channel that stays Ongoing without moving data is failed after at most about {@code
 * (maxConsecutiveRestarts + 1) * (dataRateCheckInterval + restartDebounce) + maxConsecutiveRestarts
 * * restartBackoff}, plus the time the restart requests themselves take.
 *
 * @param acceptTimeout time from {@code watch} to the Accept event; zero turns the check off
 * @param restartDebounce a restart runs after this long without further triggering errors
 * @param restartBackoff after a restart request was sent, how long before another restart may run
 * @param maxConsecutiveRestarts restarts without any data in between before the channel fails
 * @param completeTimeout time from FinishTransfer to the channel's completion; zero turns it off
 * @param dataRateCheckInterval the window of the data-rate check; zero (with {@code
 *     minBytesPerInterval} zero) turns the check off
 * @param minBytesPerInterval bytes an Ongoing channel must move per window, else it is restarted
 * @param onRestartComplete called with the channel id when a restart sequence completed
 */
public record MonitorConfig(
    Duration acceptTimeout,
    Duration restartDebounce,
    Duration restartBackoff,
    int maxConsecutiveRestarts,
    Duration completeTimeout,
    Duration dataRateCheckInterval,
    long minBytesPerInterval,
    Consumer<ChannelId> onRestartComplete) {

  private static final String PREFIX = "channel monitor config ";

  /**
   * Checks every value; a missing callback becomes one that does nothing.
   *
   * @throws IllegalArgumentException naming the field and the value that is wrong
   */
  public MonitorConfig {
    notNegative("acceptTimeout", acceptTimeout);
    notNegative("restartDebounce", restartDebounce);
    notNegative("restartBackoff", restartBackoff);
    notNegative("completeTimeout", completeTimeout);
    notNegative("dataRateCheckInterval", dataRateCheckInterval);
    if (maxConsecutiveRestarts <= 0) {
      throw invalid("maxConsecutiveRestarts is " + maxConsecutiveRestarts + " but must be > 0");
    }
    if (minBytesPerInterval < 0) {
      throw invalid("minBytesPerInterval is " + minBytesPerInterval + " but must be >= 0");
    }
    if (dataRateCheckInterval.isZero() != (minBytesPerInterval == 0)) {
      throw invalid(
          "dataRateCheckInterval is "
              + GoDuration.format(dataRateCheckInterval)
              + " and minBytesPerInterval is "
              + minBytesPerInterval
              + " but both must be > 0 (check on) or both 0 (check off)");
    }
    onRestartComplete = onRestartComplete == null ? channelId -> {} : onRestartComplete;
  }

  /**
   * Returns the values Lotus used with go-data-transfer v1.7 (§5.8): no accept or complete timeout,
   * 10 s restart debounce, 1 min restart backoff, 3 consecutive restarts. The data-rate check,
   * which go-data-transfer v1.7 no longer has, gets the values Lotus' client used when it had one
   * (v1.2 to v1.4): at least 1 KiB per minute. That only catches a channel that has as good as
   * stopped: real links are slower or faster by orders of magnitude, so a higher floor would
   * restart healthy slow transfers, and paused or finalizing channels are never checked.
   *
   * @return the configuration
   */
  public static MonitorConfig lotusDefaults() {
    return builder().build();
  }

  /** Returns whether the data-rate check is on. */
  public boolean checksDataRate() {
    return minBytesPerInterval > 0;
  }

  /** Returns a builder that starts from {@link #lotusDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .acceptTimeout(acceptTimeout)
        .restartDebounce(restartDebounce)
        .restartBackoff(restartBackoff)
        .maxConsecutiveRestarts(maxConsecutiveRestarts)
        .completeTimeout(completeTimeout)
        .dataRate(dataRateCheckInterval, minBytesPerInterval)
        .onRestartComplete(onRestartComplete);
  }

  private static void notNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw invalid(field + " is " + GoDuration.format(value) + " but must be >= 0");
    }
  }

  private static IllegalArgumentException invalid(String what) {
    return new IllegalArgumentException(PREFIX + what);
  }

  /** Collects the values of a {@link MonitorConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private Duration acceptTimeout = Duration.ZERO;
    private Duration restartDebounce = Duration.ofSeconds(10);
    private Duration restartBackoff = Duration.ofMinutes(1);
    private int maxConsecutiveRestarts = 3;
    private Duration completeTimeout = Duration.ZERO;
    private Duration dataRateCheckInterval = Duration.ofMinutes(1);
    private long minBytesPerInterval = 1024;
    private Consumer<ChannelId> onRestartComplete;

    private Builder() {}

    /** Sets {@link MonitorConfig#acceptTimeout()}; zero turns the check off. */
    public Builder acceptTimeout(Duration value) {
      acceptTimeout = value;
      return this;
    }

    /** Sets {@link MonitorConfig#restartDebounce()}. */
    public Builder restartDebounce(Duration value) {
      restartDebounce = value;
      return this;
    }

    /** Sets {@link MonitorConfig#restartBackoff()}. */
    public Builder restartBackoff(Duration value) {
      restartBackoff = value;
      return this;
    }

    /** Sets {@link MonitorConfig#maxConsecutiveRestarts()}. */
    public Builder maxConsecutiveRestarts(int value) {
      maxConsecutiveRestarts = value;
      return this;
    }

    /** Sets {@link MonitorConfig#completeTimeout()}; zero turns the check off. */
    public Builder completeTimeout(Duration value) {
      completeTimeout = value;
      return this;
    }

    /**
     * Sets the data-rate check: an Ongoing channel must move {@code minBytes} per {@code interval}.
     */
    public Builder dataRate(Duration interval, long minBytes) {
      dataRateCheckInterval = interval;
      minBytesPerInterval = minBytes;
      return this;
    }

    /** Turns the data-rate check off. */
    public Builder noDataRateCheck() {
      return dataRate(Duration.ZERO, 0);
    }

    /** Sets {@link MonitorConfig#onRestartComplete()}; null for none. */
    public Builder onRestartComplete(Consumer<ChannelId> value) {
      onRestartComplete = value;
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalArgumentException naming the field and the value that is wrong
     */
    public MonitorConfig build() {
      return new MonitorConfig(
          acceptTimeout,
          restartDebounce,
          restartBackoff,
          maxConsecutiveRestarts,
          completeTimeout,
          dataRateCheckInterval,
          minBytesPerInterval,
          onRestartComplete);
    }
  }
}
