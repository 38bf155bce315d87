package io.dt4j.libp2p.multistream;

import io.dt4j.libp2p.multistream.MultistreamException.Reason;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.List;

/**
 * The responder side (libp2p.md §3.2, §3.3): sends the header at once (as go does), then answers
 * each proposal with its echo if supported, {@code na} otherwise, and {@code ls} with the supported
 * list. The echo is written before the selected protocol's handlers are installed, so it precedes
 * anything they write.
 */
public final class MultistreamListener extends MultistreamNegotiator {
  private final List<String> supported;
  private boolean headerSeen;

  /**
   * Creates the handler; see {@link MultistreamSelect#listen} for the usual way to install it.
   *
   * @param supported protocol ids this side accepts, in the order {@code ls} lists them
   * @param timeout how long the negotiation may take
   * @param installer installs the selected protocol's handlers
   * @param result completes with the selected protocol, or fails with {@link MultistreamException}
   */
  public MultistreamListener(
      List<String> supported,
      Duration timeout,
      ProtocolInstaller installer,
      Promise<String> result) {
    super(timeout, installer, result);
    this.supported = List.copyOf(supported);
  }

  @Override
  void start(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(MultistreamMessages.encode(ctx.alloc(), List.of(MultistreamMessages.HEADER)));
  }

  @Override
  void onMessage(ChannelHandlerContext ctx, String message) throws MultistreamException {
    if (!headerSeen) {
      if (!message.equals(MultistreamMessages.HEADER)) {
        throw new MultistreamException(
            Reason.BAD_HEADER,
            "expected /multistream/1.0.0 from the remote, got '" + message + "'");
      }
      headerSeen = true;
    } else if (supported.contains(message)) {
      ctx.writeAndFlush(MultistreamMessages.encode(ctx.alloc(), List.of(message)));
      succeed(ctx, message);
    } else if (message.equals(MultistreamMessages.LS)) {
      ctx.writeAndFlush(MultistreamMessages.encodeList(ctx.alloc(), supported));
    } else {
      ctx.writeAndFlush(MultistreamMessages.encode(ctx.alloc(), List.of(MultistreamMessages.NA)));
    }
  }
}
