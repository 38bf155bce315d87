package io.dt4j.libp2p.multistream;

import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.List;

/**
 * Installs a multistream-select 1.0 negotiation ({@code /multistream/1.0.0}, libp2p.md §3) at the
 * tail of a pipeline: a {@link MultistreamFrameDecoder} followed by a {@link MultistreamDialer} or
 * {@link MultistreamListener}. Call on the channel's event loop.
 */
public final class MultistreamSelect {
  /** go-libp2p's {@code DefaultNegotiationTimeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private MultistreamSelect() {}

  /**
   * Proposes protocols in order.
   *
   * @param pipeline the pipeline; the channel may or may not be active yet
   * @param proposals protocol ids, most preferred first
   * @param timeout how long the negotiation may take
   * @param installer installs the selected protocol's handlers at the tail
   * @return completes with the selected protocol, or fails with {@link MultistreamException}
   */
  public static Future<String> dial(
      ChannelPipeline pipeline,
      List<String> proposals,
      Duration timeout,
      ProtocolInstaller installer) {
    Promise<String> result = pipeline.channel().eventLoop().newPromise();
    return install(pipeline, new MultistreamDialer(proposals, timeout, installer, result), result);
  }

  /**
   * Answers proposals from a supported set.
   *
   * @param pipeline the pipeline; the channel may or may not be active yet
   * @param supported protocol ids this side accepts
   * @param timeout how long the negotiation may take
   * @param installer installs the selected protocol's handlers at the tail
   * @return completes with the selected protocol, or fails with {@link MultistreamException}
   */
  public static Future<String> listen(
      ChannelPipeline pipeline,
      List<String> supported,
      Duration timeout,
      ProtocolInstaller installer) {
    Promise<String> result = pipeline.channel().eventLoop().newPromise();
    return install(
        pipeline, new MultistreamListener(supported, timeout, installer, result), result);
  }

  private static Future<String> install(
      ChannelPipeline pipeline, MultistreamNegotiator negotiator, Promise<String> result) {
    MultistreamFrameDecoder decoder = new MultistreamFrameDecoder();
    negotiator.frameDecoder(decoder);
    pipeline.addLast(decoder, negotiator);
    return result;
  }
}
