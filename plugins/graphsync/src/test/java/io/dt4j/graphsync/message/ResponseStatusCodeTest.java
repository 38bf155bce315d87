package io.dt4j.graphsync.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.testing.SpecDocument;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The status codes are exactly the spec's table (graphsync spec §3.1), with Go's names. */
class ResponseStatusCodeTest {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|\\s*(\\w+)\\s*\\|");

  @Test
  void everyCodeAndNameOfTheSpecTable() throws Exception {
    Map<Integer, String> spec = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(SpecDocument.sharedDir().resolve("spec/graphsync.md"))) {
      if (line.startsWith("#")) {
        inSection = line.startsWith("### 3.1");
      } else if (inSection) {
        Matcher row = ROW.matcher(line);
        if (row.find()) {
          spec.put(Integer.parseInt(row.group(1)), row.group(2));
        }
      }
    }
    Map<Integer, String> ours = new LinkedHashMap<>();
    for (ResponseStatusCode status : ResponseStatusCode.values()) {
      ours.put(status.code(), status.goName());
    }
    assertThat(ours).containsExactlyEntriesOf(spec);
  }

  @Test
  void classesFollowTheSpec() {
    assertThat(ResponseStatusCode.PARTIAL_RESPONSE.isTerminal()).isFalse();
    assertThat(ResponseStatusCode.REQUEST_PAUSED.isTerminal()).isFalse();
    assertThat(ResponseStatusCode.REQUEST_COMPLETED_PARTIAL.isSuccess()).isTrue();
    assertThat(ResponseStatusCode.REQUEST_REJECTED.isFailure()).isTrue();
    assertThat(ResponseStatusCode.REQUEST_FAILED_CONTENT_NOT_FOUND.errorText())
        .isEqualTo("Request Failed - Content Not Found");
    assertThat(ResponseStatusCode.fromCode(16)).isEmpty();
  }
}
