package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.api.UnsupportedByTransportException;
import io.dt4j.api.Voucher;
import io.dt4j.core.channels.ChannelRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands on a running channel (data-transfer.md §5.3–§5.5): new vouchers, pause, resume,
 * close, and close with an error. The local state changes first where a message could otherwise
 * overtake it: a voucher is recorded before it is sent, a resume applied before the transport moves
 * data again, a close takes effect locally even when the peer is gone.
 */
final class ChannelControl {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ManagerContext ctx;

  ChannelControl(ManagerContext ctx) {
    this.ctx = ctx;
  }

  void sendVoucher(ChannelId channelId, Voucher voucher) throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    if (!ctx.isInitiator(channelId)) {
      throw new DataTransferException("cannot send voucher for request we did not initiate");
    }
    EncodedVoucher encoded = ctx.registry.encode(voucher);
    ctx.channels.voucher(channelId, encoded);
    try {
      ctx.send(record.otherPeer(), Messages.voucherRequest(channelId.id(), encoded));
    } catch (DataTransferException e) {
      throw disconnected(channelId, "Unable to send request: " + e.getMessage(), e);
    }
  }

  void pause(ChannelId channelId) throws DataTransferException {
    requirePauseable();
    ChannelRecord record = ctx.channels.require(channelId);
    ctx.pauseTransport(channelId);
    try {
      ctx.send(record.otherPeer(), Messages.update(channelId, ctx.self, true));
    } catch (DataTransferException e) {
      throw disconnected(channelId, "Unable to send pause message: " + e.getMessage(), e);
    }
    ctx.channels.fire(
        channelId,
        ctx.isInitiator(channelId) ? EventCode.PAUSE_INITIATOR : EventCode.PAUSE_RESPONDER);
  }

  void resume(ChannelId channelId) throws DataTransferException {
    requirePauseable();
    ctx.channels.require(channelId);
    ctx.channels.fire(
        channelId,
        ctx.isInitiator(channelId) ? EventCode.RESUME_INITIATOR : EventCode.RESUME_RESPONDER);
    ctx.resumeTransport(channelId, Messages.update(channelId, ctx.self, false));
  }

  /** Cancels: the transport request and the channel end here, then the peer is told. */
  void close(ChannelId channelId) throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    if (Status.TERMINAL.contains(record.status())) {
      return;
    }
    ctx.closeTransport(channelId);
    ctx.channels.fire(channelId, EventCode.CANCEL);
    try {
      ctx.send(record.otherPeer(), Messages.cancel(channelId, ctx.self));
    } catch (DataTransferException e) {
      throw new DataTransferException(
          "unable to send cancel message for channel "
              + channelId
              + " to peer "
              + record.otherPeer()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Fails the channel with an error (used by the channel monitor); the peer is told if it can. */
  void closeWithError(ChannelId channelId, String error) throws DataTransferException {
    ChannelRecord record = ctx.channels.require(channelId);
    if (Status.TERMINAL.contains(record.status())) {
      return;
    }
    ctx.closeTransport(channelId);
    ctx.channels.fail(channelId, EventCode.ERROR, error);
    try {
      ctx.send(record.otherPeer(), Messages.cancel(channelId, ctx.self));
    } catch (DataTransferException e) {
      log.warn("channel {}: cancel message not sent: {}", channelId, e.getMessage());
    }
  }

  private void requirePauseable() throws UnsupportedByTransportException {
    if (ctx.pauseable().isEmpty()) {
      throw new UnsupportedByTransportException(
          "the transport " + ctx.transport.getClass().getName() + " cannot pause channels");
    }
  }

  private DataTransferException disconnected(
      ChannelId channelId, String error, DataTransferException cause) {
    try {
      ctx.channels.fail(channelId, EventCode.DISCONNECTED, error);
    } catch (DataTransferException e) {
      log.warn("channel {}: {}", channelId, e.getMessage());
    }
    return new DataTransferException(error, cause);
  }
}
