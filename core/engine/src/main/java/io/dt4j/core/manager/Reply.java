package io.dt4j.core.manager;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.PauseChannelException;
import io.dt4j.api.ResumeChannelException;
import io.dt4j.api.TransferResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * A handler's answer to a message: the response to send back, if any, and what to do with the
 * transport (Go's {@code (message, error)} pair).
 *
 * @param response the response for the other party
 * @param outcome what to do with this node's side of the transport
 */
record Reply(Optional<TransferResponse> response, Outcome outcome) {

  /** Checks that no part is missing. */
  Reply {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** No response, nothing to do. */
  static final Reply NONE = new Reply(Optional.empty(), Outcome.PROCEED);

  static Reply of(TransferResponse response, Outcome outcome) {
    return new Reply(Optional.of(response), outcome);
  }

  static Reply without(Outcome outcome) {
    return new Reply(Optional.empty(), outcome);
  }

  /**
   * Hands the reply to a transport in the form of {@link io.dt4j.api.EventsHandler}: a response is
   * returned, and its flags tell the transport to pause or end the request (Go's error travels in
   * {@code Acpt}/{@code Paus}, §2.4); without a response, the outcome is thrown.
   *
   * @return the response to send
   * @throws DataTransferException a pause, resume or failure without a response
   */
  Optional<TransferResponse> toTransport() throws DataTransferException {
    if (response.isPresent()) {
      return response;
    }
    if (outcome instanceof Outcome.Pause) {
      throw new PauseChannelException();
    }
    if (outcome instanceof Outcome.Resume) {
      throw new ResumeChannelException();
    }
    if (outcome instanceof Outcome.Fail f) {
      throw f.error();
    }
    return response;
  }
}
