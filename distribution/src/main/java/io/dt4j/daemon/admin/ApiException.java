package io.dt4j.daemon.admin;

import java.util.List;

/**
 * An admin request that fails with an HTTP status and an {@link ApiError}. The codes, with their
 * statuses: {@code bad_request} 400, {@code unauthorized} 401, {@code forbidden} 403, {@code
 * not_found} 404, {@code method_not_allowed} 405, {@code ambiguous} 409, {@code refused} 409 (the
 * manager refused the operation in the channel's state), {@code too_large} 413, {@code unreachable}
 * 502 (a peer could not be reached), {@code no_transport} and {@code unavailable} 503, {@code
 * timeout} 504, {@code internal} 500.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<String> candidates;

  /**
   * @param status the HTTP status
   * @param code the error code
   * @param message what went wrong; one line
   * @param candidates the matching channels of an {@code ambiguous} error, else empty
   */
  public ApiException(int status, String code, String message, List<String> candidates) {
    super(message);
    this.status = status;
    this.code = code;
    this.candidates = List.copyOf(candidates);
  }

  /** A 400 {@code bad_request}. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message, List.of());
  }

  /** A 404 {@code not_found}. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, List.of());
  }

  /** A 503 error with a code such as {@code no_transport}. */
  public static ApiException unavailable(String code, String message) {
    return new ApiException(503, code, message, List.of());
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the error code. */
  public String code() {
    return code;
  }

  /** Returns the error body. */
  public ApiError.Reply reply() {
    return new ApiError.Reply(
        new ApiError(code, getMessage(), candidates.isEmpty() ? null : candidates));
  }
}
