package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.Transport;
import io.dt4j.api.TransportConfigurer;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherResult;
import io.dt4j.core.network.DataTransferNetwork;
import io.dt4j.core.registry.VoucherRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the manager's parts share: this node's id, its channels, registries, network and transport,
 * with the few effects every part needs (send a message, configure the transport, ask the transport
 * to pause or resume when it can).
 */
final class ManagerContext {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  final PeerId self;
  final ChannelUpdates channels;
  final VoucherRegistry registry;
  final DataTransferNetwork network;
  final Transport transport;

  /**
   * Channels whose transport request this node cancels itself (close, restart): the transport's
   * report of that cancellation repeats what the manager already recorded and is not applied.
   */
  private final Set<ChannelId> cancellingOwnRequest = ConcurrentHashMap.newKeySet();

  ManagerContext(
      PeerId self,
      ChannelUpdates channels,
      VoucherRegistry registry,
      DataTransferNetwork network,
      Transport transport) {
    this.self = self;
    this.channels = channels;
    this.registry = registry;
    this.network = network;
    this.transport = transport;
  }

  boolean isInitiator(ChannelId channelId) {
    return channelId.initiator().equals(self);
  }

  /** Sends one message on dt-net and waits until it was written. */
  void send(PeerId to, TransferMessage message) throws DataTransferException {
    Blocking.await(network.sendMessage(to, message));
  }

  Optional<PauseableTransport> pauseable() {
    return transport instanceof PauseableTransport p ? Optional.of(p) : Optional.empty();
  }

  /** Pauses this node's side of a channel's transport; failures are logged, as in Go. */
  void pauseTransport(ChannelId channelId) {
    pauseable().ifPresent(p -> logFailure(p.pauseChannel(channelId), "pause", channelId));
  }

  /** Resumes this node's side of a channel's transport with a message; failures are logged. */
  void resumeTransport(ChannelId channelId, TransferMessage message) {
    pauseable()
        .ifPresent(p -> logFailure(p.resumeChannel(message, channelId), "resume", channelId));
  }

  /** Closes a channel's transport request; failures are logged. */
  void closeTransport(ChannelId channelId) {
    cancellingOwnRequest.add(channelId);
    logFailure(transport.closeChannel(channelId), "close", channelId);
  }

  /** Closes a channel's transport request after an error; failures are logged. */
  void abortTransport(ChannelId channelId) {
    logFailure(transport.closeChannel(channelId), "close", channelId);
  }

  /** Marks that a restart replaces the channel's transport request. */
  void replacingOwnRequest(ChannelId channelId) {
    cancellingOwnRequest.add(channelId);
  }

  /** Returns whether the transport's cancellation report is one this node caused. */
  boolean consumeOwnCancellation(ChannelId channelId) {
    return cancellingOwnRequest.remove(channelId);
  }

  /** Forgets the channel once it is cleaned up. */
  void forget(ChannelId channelId) {
    cancellingOwnRequest.remove(channelId);
  }

  /** Runs the transport configurer of the voucher's type, if one is registered (§5.1 step 1). */
  void configureTransport(ChannelId channelId, EncodedVoucher encoded) {
    Optional<TransportConfigurer> configurer = registry.configurer(encoded.type());
    if (configurer.isEmpty()) {
      return;
    }
    try {
      Voucher voucher = registry.decodeStored(encoded);
      configurer.get().configure(channelId, voucher, transport);
    } catch (DataTransferException | RuntimeException e) {
      log.warn(
          "channel {}: transport configurer for {} failed: {}",
          channelId,
          encoded.type(),
          e.toString());
    }
  }

  /** Encodes a voucher result to send; one that cannot be encoded is logged and not sent. */
  Optional<EncodedVoucher> encodeResult(ChannelId channelId, Optional<VoucherResult> result) {
    if (result.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(registry.encodeResult(result.get()));
    } catch (DataTransferException | RuntimeException e) {
      log.warn("channel {}: voucher result not sent: {}", channelId, e.getMessage());
      return Optional.empty();
    }
  }

  private static void logFailure(CompletionStage<Void> stage, String what, ChannelId channelId) {
    stage.whenComplete(
        (v, error) -> {
          if (error != null) {
            log.warn(
                "channel {}: transport {} failed: {}",
                channelId,
                what,
                Blocking.asDataTransferException(error).getMessage());
          }
        });
  }
}
