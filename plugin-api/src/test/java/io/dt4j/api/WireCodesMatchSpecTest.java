package io.dt4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.testing.SpecDocument;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WireCodesMatchSpecTest {
  private final SpecDocument spec = SpecDocument.dataTransfer();

  @Test
  void everyStatusHasTheCodeAndNameOfTheSpec() {
    Map<Integer, String> expected = new TreeMap<>(spec.numberedNames("### 4.1"));
    Map<Integer, String> actual =
        Arrays.stream(Status.values())
            .collect(Collectors.toMap(Status::code, Status::goName, (a, b) -> a, TreeMap::new));

    assertThat(expected).hasSize(17);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void everyEventCodeHasTheCodeAndNameOfTheSpec() {
    Map<Integer, String> expected = new TreeMap<>(spec.numberedNames("### 4.2"));
    Map<Integer, String> actual =
        Arrays.stream(EventCode.values())
            .collect(
                Collectors.toMap(EventCode::code, EventCode::goName, (a, b) -> a, TreeMap::new));

    assertThat(expected).hasSize(30);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void codesRoundTripAndUnknownCodesAreNamed() {
    for (Status s : Status.values()) {
      assertThat(Status.fromCode(s.code())).isSameAs(s);
    }
    for (EventCode e : EventCode.values()) {
      assertThat(EventCode.fromCode(e.code())).isSameAs(e);
    }
    assertThatThrownBy(() -> Status.fromCode(17)).hasMessageContaining("17");
    assertThatThrownBy(() -> EventCode.fromCode(-1)).hasMessageContaining("-1");
  }

  @Test
  void messageTypeCodesMatchTheSpec() {
    Map<Integer, String> expected = spec.numberedNames("### 2.1");
    Map<Integer, MessageType> actual =
        Arrays.stream(MessageType.values())
            .collect(Collectors.toMap(MessageType::code, Function.identity()));

    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (code, goName) ->
            assertThat(actual.get(code).name().replace("_", ""))
                .isEqualToIgnoringCase(goName.replace("Message", "")));
  }

  @Test
  void statusSetsFollowTheSpec() {
    assertThat(Status.TERMINAL)
        .containsExactlyInAnyOrder(Status.CANCELLED, Status.COMPLETED, Status.FAILED);
    assertThat(Status.CLEANUP)
        .containsExactlyInAnyOrder(Status.CANCELLING, Status.COMPLETING, Status.FAILING);
    assertThat(Status.TRANSFERRING).hasSize(7).doesNotContainAnyElementsOf(Status.TERMINAL);
  }
}
