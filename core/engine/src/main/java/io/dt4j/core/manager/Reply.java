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
   * Hands the reply to a transport in the form of {@link io.dt4j.api.EventsHandler}: the response
   * is returned on success, or travels inside the exception that pauses, resumes or cancels.
   *
   * @return the response to send
   * @throws DataTransferException for a pause, resume or failure, carrying the response
   */
  Optional<TransferResponse> toTransport() throws DataTransferException {
    if (outcome instanceof Outcome.Pause) {
      throw response.map(PauseChannelException::new).orElseGet(PauseChannelException::new);
    }
    if (outcome instanceof Outcome.Resume) {
      throw response.map(ResumeChannelException::new).orElseGet(ResumeChannelException::new);
    }
    if (outcome instanceof Outcome.Fail f) {
      throw response
          .map(reply -> new DataTransferException(f.error().getMessage(), reply))
          .orElse(f.error());
    }
    return response;
  }
}
