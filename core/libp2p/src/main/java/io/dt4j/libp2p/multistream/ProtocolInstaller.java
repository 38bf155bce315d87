package io.dt4j.libp2p.multistream;

import io.netty.channel.ChannelPipeline;

/**
 * Installs the handlers of the protocol that was just selected, at the tail of the pipeline. Called
 * on the event loop after agreement and before any byte that follows the agreement is passed on, so
 * those bytes reach the new handlers (libp2p.md §3.4).
 */
@FunctionalInterface
public interface ProtocolInstaller {

  /**
   * Adds the selected protocol's handlers.
   *
   * @param pipeline the channel's pipeline
   * @param protocol the selected protocol id
   * @throws Exception if the handlers cannot be installed; the negotiation then fails
   */
  void install(ChannelPipeline pipeline, String protocol) throws Exception;
}
