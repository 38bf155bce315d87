package io.dt4j.libp2p.noise;

import io.netty.channel.ChannelPipeline;

/**
 * Installs what runs over the secured channel, at the tail of the pipeline. Called on the event
 * loop as soon as the handshake is verified, before any transport message is decrypted, so no
 * plaintext can pass by it.
 */
@FunctionalInterface
public interface NoiseSessionInstaller {

  /**
   * Adds the next stage's handlers.
   *
   * @param pipeline the channel's pipeline, now ending in the Noise transport handler
   * @param session the verified remote
   * @throws Exception if the handlers cannot be installed; the handshake then fails
   */
  void install(ChannelPipeline pipeline, NoiseSession session) throws Exception;
}
