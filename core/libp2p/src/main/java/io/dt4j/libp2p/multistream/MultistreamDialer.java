package io.dt4j.libp2p.multistream;

import io.dt4j.libp2p.multistream.MultistreamException.Reason;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.List;

/**
 * The initiator side (libp2p.md §3.2): sends the header and the first proposal in one write, then
 * the next proposal after each {@code na}. Never depends on whether the header or the answer
 * arrives first, and never sends {@code ls}.
 */
public final class MultistreamDialer extends MultistreamNegotiator {
  private final List<String> proposals;
  private boolean headerSeen;
  private int index;

  /**
   * Creates the handler; see {@link MultistreamSelect#dial} for the usual way to install it.
   *
   * @param proposals protocol ids, most preferred first
   * @param timeout how long the negotiation may take
   * @param installer installs the selected protocol's handlers
   * @param result completes with the selected protocol, or fails with {@link MultistreamException}
   */
  public MultistreamDialer(
      List<String> proposals,
      Duration timeout,
      ProtocolInstaller installer,
      Promise<String> result) {
    super(timeout, installer, result);
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("at least one protocol must be proposed");
    }
    this.proposals = List.copyOf(proposals);
  }

  @Override
  void start(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(
        MultistreamMessages.encode(
            ctx.alloc(), List.of(MultistreamMessages.HEADER, proposals.get(0))));
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
      return;
    }
    String proposal = proposals.get(index);
    if (message.equals(proposal)) {
      succeed(ctx, proposal);
    } else if (message.equals(MultistreamMessages.NA)) {
      index++;
      if (index == proposals.size()) {
        throw new MultistreamException(
            Reason.NO_PROTOCOL_ACCEPTED, "the remote accepted none of " + proposals);
      }
      ctx.writeAndFlush(MultistreamMessages.encode(ctx.alloc(), List.of(proposals.get(index))));
    } else {
      throw new MultistreamException(
          Reason.UNEXPECTED_RESPONSE,
          "proposed '" + proposal + "', the remote answered '" + message + "'");
    }
  }
}
