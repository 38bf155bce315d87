package io.dt4j.daemon.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The admin API's JSON: snake_case field names from record components, nulls written. The daemon
 * reads requests strictly (an unknown field is an error, so a typo does not pass silently); clients
 * read replies leniently (a newer daemon may add fields).
 */
public final class ApiJson {
  /** Reads replies leniently and writes everything. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ApiJson() {}

  /**
   * Returns a parse error's message without Jackson's source excerpt, e.g. {@code Unexpected
   * end-of-input: expected close marker for Array (line 1, column 15)}.
   *
   * @param e the error
   * @return one short line
   */
  public static String brief(JsonProcessingException e) {
    String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "");
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
