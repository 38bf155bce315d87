package io.dt4j.graphsync.message;

import java.util.Optional;

/**
 * The status of a graphsync response (graphsync spec §3.1), with its wire code and its go-graphsync
 * name. Informational codes keep a request open; terminal codes end it, with success (20, 21) or
 * failure (30–35). Code 30 is terminal here as in go-graphsync v0.6.8+ and v0.9+; a dt4j responder
 * never sends it, because v0.8 requesters do not treat it as terminal (§3.1 interop rule).
 */
public enum ResponseStatusCode {
  /** 10: never sent by Go; a requester's initial "last response". */
  REQUEST_ACKNOWLEDGED(10, "RequestAcknowledged"),
  /** 11: unused. */
  ADDITIONAL_PEERS(11, "AdditionalPeers"),
  /** 12: unused. */
  NOT_ENOUGH_GAS(12, "NotEnoughGas"),
  /** 13: unused. */
  OTHER_PROTOCOL(13, "OtherProtocol"),
  /** 14: every non-final response message. */
  PARTIAL_RESPONSE(14, "PartialResponse"),
  /** 15: the responder paused the response and waits for an unpause. */
  REQUEST_PAUSED(15, "RequestPaused"),
  /** 20: traversal finished and every traversed link had its block. */
  REQUEST_COMPLETED_FULL(20, "RequestCompletedFull"),
  /** 21: traversal finished but at least one traversed link was missing. */
  REQUEST_COMPLETED_PARTIAL(21, "RequestCompletedPartial"),
  /** 30: no incoming-request hook validated the request (v0.6.8+, v0.9+ responders). */
  REQUEST_REJECTED(30, "RequestRejected"),
  /** 31: unused by Go responders. */
  REQUEST_FAILED_BUSY(31, "RequestFailedBusy"),
  /** 32: a hook error, a bad extension, a traversal error, or (v0.8) a rejection. */
  REQUEST_FAILED_UNKNOWN(32, "RequestFailedUnknown"),
  /** 33: unused. */
  REQUEST_FAILED_LEGAL(33, "RequestFailedLegal"),
  /** 34: the responder lacks the root block. */
  REQUEST_FAILED_CONTENT_NOT_FOUND(34, "RequestFailedContentNotFound"),
  /** 35: the responder cancelled the response. */
  REQUEST_CANCELLED(35, "RequestCancelled");

  private final int code;
  private final String goName;

  ResponseStatusCode(int code, String goName) {
    this.code = code;
    this.goName = goName;
  }

  /**
   * Returns the status with a wire code.
   *
   * @param code the {@code Response.status} value
   * @return the status, or empty for a code graphsync does not define
   */
  public static Optional<ResponseStatusCode> fromCode(int code) {
    for (ResponseStatusCode status : values()) {
      if (status.code == code) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the wire code.
   *
   * @return the code, e.g. 20
   */
  public int code() {
    return code;
  }

  /**
   * Returns go-graphsync's name, which go-data-transfer puts in its error texts.
   *
   * @return the name, e.g. {@code RequestCompletedFull}
   */
  public String goName() {
    return goName;
  }

  /**
   * Tells whether the status ends the response.
   *
   * @return true for 20, 21 and 30–35
   */
  public boolean isTerminal() {
    return code >= 20;
  }

  /**
   * Tells whether the status ends the response successfully.
   *
   * @return true for 20 and 21
   */
  public boolean isSuccess() {
    return code == 20 || code == 21;
  }

  /**
   * Tells whether the status ends the response with a failure.
   *
   * @return true for 30–35
   */
  public boolean isFailure() {
    return code >= 30;
  }

  /**
   * Returns the error text a go-graphsync requester reports for a failure status.
   *
   * @return the text, e.g. {@code Request Failed - Content Not Found}; for a status that is not a
   *     failure, its Go name
   */
  public String errorText() {
    return switch (this) {
      case REQUEST_FAILED_BUSY -> "Request Failed - Peer Is Busy";
      case REQUEST_REJECTED, REQUEST_FAILED_UNKNOWN -> "Request Failed - Unknown Reason";
      case REQUEST_FAILED_LEGAL -> "Request Failed - For Legal Reasons";
      case REQUEST_FAILED_CONTENT_NOT_FOUND -> "Request Failed - Content Not Found";
      case REQUEST_CANCELLED -> "Request Failed - Responder Cancelled";
      default -> goName;
    };
  }
}
