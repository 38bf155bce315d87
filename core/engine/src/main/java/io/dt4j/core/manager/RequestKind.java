package io.dt4j.core.manager;

import io.dt4j.api.TransferRequest;

/**
 * How the responder treats a request, checked in Go's order (data-transfer.md §5.9): restart, new,
 * cancel, voucher, then any other request pauses or resumes the initiator by its {@code Paus} flag.
 */
enum RequestKind {
  /** Type 6: the initiator restarts a channel. */
  RESTART,
  /** Type 0: a new push or pull. */
  NEW,
  /** Type 2: the initiator cancels. */
  CANCEL,
  /** Type 4: a new voucher for revalidation. */
  VOUCHER,
  /** Any other request with {@code Paus}: the initiator pauses. */
  PAUSE,
  /** Any other request without {@code Paus}: the initiator resumes. */
  RESUME,
  /** Type 7: dispatched on its own by dt-net; not a request about a channel of the responder. */
  RESTART_EXISTING;

  static RequestKind of(TransferRequest request) {
    return switch (request.type()) {
      case RESTART -> RESTART;
      case NEW -> NEW;
      case CANCEL -> CANCEL;
      case VOUCHER -> VOUCHER;
      case RESTART_EXISTING_CHANNEL_REQUEST -> RESTART_EXISTING;
      default -> request.paused() ? PAUSE : RESUME;
    };
  }
}
