package io.dt4j.core.manager;

import io.dt4j.api.Transport;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.manager.monitor.MonitorConfig;
import io.dt4j.core.network.DataTransferNetwork;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * What a {@link DataTransferManager} is built from. The manager owns none of the parts it is given:
 * the caller closes the store and the host; the manager only stops using them.
 *
 * @param network dt-net over this node's host; its {@link DataTransferNetwork#self()} is this node
 * @param transport the transport that moves the data
 * @param store where channels are kept; a store with channels in it resumes them
 * @param clock the time of events and the seed of transfer ids
 * @param executor runs the manager's work (API calls, message handling); empty for a pool the
 *     manager creates and shuts down itself
 * @param monitor the channel monitor's configuration; empty for no monitoring (Go has no default)
 * @param validatorTimeout how long a request validator may take before its request is rejected (Go
 *     waits forever, so one stuck validator stalls the node; default {@link
 *     #DEFAULT_VALIDATOR_TIMEOUT})
 * @param maxChannelsPerPeer channels one peer may have open with this node as responder; its New
 *     requests past it are rejected (Go has no bound; default {@link
 *     #DEFAULT_MAX_CHANNELS_PER_PEER})
 */
public record ManagerOptions(
    DataTransferNetwork network,
    Transport transport,
    ChannelStore store,
    Clock clock,
    Optional<ExecutorService> executor,
    Optional<MonitorConfig> monitor,
    Duration validatorTimeout,
    int maxChannelsPerPeer) {

  /** The default bound on one request validation. */
  public static final Duration DEFAULT_VALIDATOR_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The default bound on one peer's open channels: far above what a storage or retrieval client
   * runs at once with one provider, far below what would exhaust a node.
   */
  public static final int DEFAULT_MAX_CHANNELS_PER_PEER = 256;

  /** Checks that no part is missing. */
  public ManagerOptions {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(validatorTimeout, "validatorTimeout");
    if (validatorTimeout.isNegative() || validatorTimeout.isZero()) {
      throw new IllegalArgumentException("validatorTimeout must be positive: " + validatorTimeout);
    }
    if (maxChannelsPerPeer < 1) {
      throw new IllegalArgumentException(
          "maxChannelsPerPeer must be at least 1: " + maxChannelsPerPeer);
    }
  }

  /**
   * Returns options with the system clock and the manager's own pool.
   *
   * @param network dt-net over this node's host
   * @param transport the transport
   * @param store the channel store
   * @return the options
   */
  public static ManagerOptions of(
      DataTransferNetwork network, Transport transport, ChannelStore store) {
    return new ManagerOptions(
        network,
        transport,
        store,
        Clock.systemUTC(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_VALIDATOR_TIMEOUT,
        DEFAULT_MAX_CHANNELS_PER_PEER);
  }

  /**
   * Returns these options with another clock.
   *
   * @param newClock the clock
   * @return the options
   */
  public ManagerOptions withClock(Clock newClock) {
    return new ManagerOptions(
        network,
        transport,
        store,
        newClock,
        executor,
        monitor,
        validatorTimeout,
        maxChannelsPerPeer);
  }

  /**
   * Returns these options with an executor for the manager's work; the caller shuts it down.
   *
   * @param newExecutor the executor; it must not bound its threads tightly, as handlers wait on the
   *     network
   * @return the options
   */
  public ManagerOptions withExecutor(ExecutorService newExecutor) {
    return new ManagerOptions(
        network,
        transport,
        store,
        clock,
        Optional.of(newExecutor),
        monitor,
        validatorTimeout,
        maxChannelsPerPeer);
  }

  /**
   * Returns these options with channel monitoring.
   *
   * @param config the monitor's configuration
   * @return the options
   */
  public ManagerOptions withMonitor(MonitorConfig config) {
    return new ManagerOptions(
        network,
        transport,
        store,
        clock,
        executor,
        Optional.of(config),
        validatorTimeout,
        maxChannelsPerPeer);
  }

  /**
   * Returns these options with another bound on one request validation.
   *
   * @param timeout how long a validator may take; past it the request is rejected
   * @return the options
   */
  public ManagerOptions withValidatorTimeout(Duration timeout) {
    return new ManagerOptions(
        network, transport, store, clock, executor, monitor, timeout, maxChannelsPerPeer);
  }

  /**
   * Returns these options with another bound on one peer's open channels.
   *
   * @param max channels one peer may have open with this node as responder, at least 1
   * @return the options
   */
  public ManagerOptions withMaxChannelsPerPeer(int max) {
    return new ManagerOptions(
        network, transport, store, clock, executor, monitor, validatorTimeout, max);
  }
}
