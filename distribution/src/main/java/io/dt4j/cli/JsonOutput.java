package io.dt4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code --json} output: one pretty-printed object, snake_case field names from record components.
 */
final class JsonOutput {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private JsonOutput() {}

  static void print(PrintWriter out, Object report) {
    try {
      out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
