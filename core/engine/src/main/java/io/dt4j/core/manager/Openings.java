package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.Voucher;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Opening channels as their initiator (data-transfer.md §5.1, §5.2 step 1–2): the channel is stored
 * before anything is sent; a push request goes on dt-net, a pull request with the transport's
 * request for the data. If it cannot be sent, the channel fails with Go's message.
 */
final class Openings {
  private final ManagerContext ctx;
  private final TransferIds ids;
  private final Consumer<ChannelRecord> watch;

  Openings(ManagerContext ctx, TransferIds ids, Consumer<ChannelRecord> watch) {
    this.ctx = ctx;
    this.ids = ids;
    this.watch = watch;
  }

  ChannelId open(boolean pull, PeerId to, Voucher voucher, Cid baseCid, Node selector)
      throws DataTransferException {
    EncodedVoucher encoded = ctx.registry.encode(voucher);
    ChannelId channelId = new ChannelId(ctx.self, to, ids.next());
    ChannelRecord fresh =
        ChannelRecord.create(
            channelId,
            ctx.self,
            baseCid,
            selector,
            pull ? to : ctx.self,
            pull ? ctx.self : to,
            encoded);
    ctx.channels.open(fresh);
    ctx.configureTransport(channelId, encoded);
    watch.accept(fresh);
    TransferRequest request = Messages.newRequest(channelId.id(), pull, encoded, baseCid, selector);
    try {
      if (pull) {
        Blocking.await(
            ctx.transport.openChannel(to, channelId, baseCid, selector, Set.of(), request));
      } else {
        ctx.send(to, request);
      }
    } catch (DataTransferException e) {
      String error = "Unable to send request: " + e.getMessage();
      ctx.channels.fail(channelId, EventCode.ERROR, error);
      throw new ChannelOpenFailedException(channelId, error, e);
    }
    return channelId;
  }
}
