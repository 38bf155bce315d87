package io.dt4j.daemon;

import io.dt4j.api.PeerId;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.network.MessageReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives data-transfer messages on a node without a manager: each is logged and dropped, so a
 * peer's request goes unanswered rather than misunderstood.
 */
final class UnhandledMessages implements MessageReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(UnhandledMessages.class);

  @Override
  public void receiveRequest(PeerId from, TransferRequest request) {
    LOG.info("data-transfer request {} from {} dropped: no transport", request.transferId(), from);
  }

  @Override
  public void receiveRestartExistingChannelRequest(PeerId from, TransferRequest request) {
    LOG.info("restart request {} from {} dropped: no transport", request.transferId(), from);
  }

  @Override
  public void receiveResponse(PeerId from, TransferResponse response) {
    LOG.info(
        "data-transfer response {} from {} dropped: no transport", response.transferId(), from);
  }
}
