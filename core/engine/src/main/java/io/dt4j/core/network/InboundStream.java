package io.dt4j.core.network;

import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.core.messages.MalformedMessageException;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.MessageFramer;
import io.dt4j.core.messages.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the messages of one incoming stream until the peer closes it (data-transfer.md §1.2): any
 * number of concatenated messages, each dispatched in order. Bad bytes, an oversized message, a
 * message cut off by the end of the stream or a silent stream reset it, logged with the peer id; no
 * channel is touched and the connection stays up.
 */
final class InboundStream implements StreamListener {
  private static final Logger log = LoggerFactory.getLogger("data_transfer_network");

  private final Stream stream;
  private final ProtocolVersion version;
  private final MessageReceiver receiver;
  private final Executor dispatch;
  private final ScheduledExecutorService scheduler;
  private final long idleMillis;
  private final MessageFramer framer;
  private final FloodGuard guard;
  private ScheduledFuture<?> idle;
  private boolean done;

  InboundStream(
      Stream stream,
      ProtocolVersion version,
      MessageReceiver receiver,
      Executor dispatch,
      ScheduledExecutorService scheduler,
      NetworkOptions options,
      FloodGuard guard) {
    this.guard = guard;
    this.stream = stream;
    this.version = version;
    this.receiver = receiver;
    this.dispatch = dispatch;
    this.scheduler = scheduler;
    this.idleMillis = options.readIdleTimeout().toMillis();
    this.framer = new MessageFramer(options.maxMessageBytes());
  }

  void start() {
    if (guard.refuses(stream.remotePeer())) {
      log.debug("resetting a stream of cut-off peer {}", stream.remotePeer());
      stream.reset();
      return;
    }
    rearmIdleTimer();
    stream.setListener(this);
  }

  @Override
  public synchronized void onData(ByteBuffer data) {
    if (done) {
      return;
    }
    rearmIdleTimer();
    try {
      framer.add(data);
      for (Optional<byte[]> item = framer.next(); item.isPresent(); item = framer.next()) {
        TransferMessage message = MessageCodec.decode(item.get(), version);
        switch (guard.check(stream.remotePeer(), message)) {
          case DELIVER -> dispatch.execute(() -> deliver(message));
          case DROP -> {}
          case CUT_OFF -> {
            fail(new RequestFloodException(stream.remotePeer(), guard.limits()));
            return;
          }
        }
      }
    } catch (MalformedMessageException e) {
      fail(e);
    }
  }

  @Override
  public synchronized void onRemoteClose() {
    if (done) {
      return;
    }
    if (framer.hasPartialMessage()) {
      fail(new MalformedMessageException("stream ended in the middle of a message"));
      return;
    }
    finish();
    stream.closeWrite();
  }

  @Override
  public synchronized void onReset(StreamException cause) {
    finish();
  }

  private void deliver(TransferMessage message) {
    PeerId from = stream.remotePeer();
    if (message instanceof TransferResponse response) {
      receiver.receiveResponse(from, response);
    } else if (message.type() == MessageType.RESTART_EXISTING_CHANNEL_REQUEST) {
      receiver.receiveRestartExistingChannelRequest(from, (TransferRequest) message);
    } else {
      receiver.receiveRequest(from, (TransferRequest) message);
    }
  }

  private void fail(Exception error) {
    log.warn(
        "resetting {} stream from peer {}: {}",
        version.protocolId(),
        stream.remotePeer(),
        error.getMessage());
    finish();
    stream.reset();
    dispatch.execute(() -> receiver.receiveError(stream.remotePeer(), error));
  }

  private void finish() {
    done = true;
    if (idle != null) {
      idle.cancel(false);
    }
  }

  private void rearmIdleTimer() {
    if (idle != null) {
      idle.cancel(false);
    }
    idle = scheduler.schedule(this::idleTimeout, idleMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void idleTimeout() {
    if (!done) {
      fail(new MalformedMessageException("stream silent for " + idleMillis + " ms"));
    }
  }
}
