package io.dt4j.daemon.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every admin API error: {@code {"error": {"code": ..., "message": ...}}}.
 *
 * @param code a stable machine-readable code, e.g. {@code not_found}; see {@link ApiException}
 * @param message what went wrong and what to do, one line
 * @param candidates for {@code ambiguous}: the full ids of the channels that match, else null
 */
public record ApiError(
    String code,
    String message,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> candidates) {

  /**
   * The whole error body.
   *
   * @param error the error
   */
  public record Reply(ApiError error) {}
}
