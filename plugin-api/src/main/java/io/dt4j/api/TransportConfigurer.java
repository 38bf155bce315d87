package io.dt4j.api;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: adjusts the transport for each channel whose voucher is of {@link
 * #voucherTypes()}, before data moves — for example to give a storage deal its own blockstore. Go's
 * {@code TransportConfigurer} function.
 */
public interface TransportConfigurer extends ExtensionPoint {

  /** Returns the voucher types this configurer applies to. */
  Set<TypeIdentifier> voucherTypes();

  /**
   * Configures the transport for one channel.
   *
   * @param channelId the channel about to open
   * @param voucher the channel's voucher
   * @param transport the transport that will carry the channel
   */
  void configure(ChannelId channelId, Voucher voucher, Transport transport);
}
