package io.dt4j.core.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.testing.SpecDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Walks every (status, event) pair and compares the state machine with the transition table of
 * data-transfer.md §4.4, read from the spec itself.
 */
class TransitionTableMatchesSpecTest {

  /** A destination as the spec writes it: a status, {@code rec} or {@code nc}. */
  private record Expected(String destination) {
    Status statusFrom(Status from) {
      return destination.equals("rec") || destination.equals("nc") ? from : goStatus(destination);
    }

    boolean runsCleanup(Status from) {
      return !destination.equals("rec") && Status.CLEANUP.contains(statusFrom(from));
    }
  }

  /** The rule of one event, parsed from its "From → To" cell. */
  private record SpecRule(Map<Status, Expected> specific, Optional<Expected> otherwise) {
    Optional<Expected> lookup(Status from) {
      return Optional.ofNullable(specific.get(from)).or(() -> otherwise);
    }
  }

  @Test
  void everyStatusAndEventPairFollowsTheSpecTable() {
    Map<EventCode, SpecRule> rules = specRules();
    assertThat(rules.keySet()).containsExactlyInAnyOrder(EventCode.values());

    List<String> checked = new ArrayList<>();
    for (Status from : Status.values()) {
      if (from == Status.CHANNEL_NOT_FOUND_ERROR) {
        continue;
      }
      for (EventCode code : EventCode.values()) {
        Transition actual =
            ChannelStateMachine.apply(ChannelFixtures.pull(1, from), eventFor(code));
        Optional<Expected> expected =
            Status.TERMINAL.contains(from) ? Optional.empty() : rules.get(code).lookup(from);
        String pair = from + " + " + code;
        if (expected.isEmpty()) {
          Class<?> kind =
              Status.TERMINAL.contains(from) && code == EventCode.CANCEL
                  ? Transition.Unchanged.class
                  : Transition.Refused.class;
          assertThat(actual).as(pair).isInstanceOf(kind);
        } else {
          assertThat(actual).as(pair).isInstanceOf(Transition.Applied.class);
          Transition.Applied applied = (Transition.Applied) actual;
          assertThat(applied.next().status()).as(pair).isEqualTo(expected.get().statusFrom(from));
          assertThat(applied.runsCleanup())
              .as(pair + " runs clean-up")
              .isEqualTo(expected.get().runsCleanup(from));
          assertThat(applied.next().sequence()).as(pair).isEqualTo(1);
        }
        checked.add(pair);
      }
    }
    assertThat(checked).hasSize(16 * 30);
  }

  @Test
  void refusalNamesTheEventTheStatusAndTheChannel() {
    Transition refused =
        ChannelStateMachine.apply(
            ChannelFixtures.pull(7, Status.ONGOING), ChannelEvent.of(EventCode.CLEANUP_COMPLETE));

    assertThat(refused)
        .isInstanceOfSatisfying(
            Transition.Refused.class,
            r -> assertThat(r.reason()).contains("CleanupComplete", "Ongoing", "-7"));
  }

  private static ChannelEvent eventFor(EventCode code) {
    if (ChannelEvent.PROGRESS.contains(code)) {
      return new ChannelEvent.Progress(code, 10);
    }
    if (ChannelEvent.FAILURES.contains(code)) {
      return new ChannelEvent.Failure(code, "boom");
    }
    if (ChannelEvent.VOUCHERS.contains(code)) {
      return new ChannelEvent.VoucherAdded(
          code, new EncodedVoucher(ChannelFixtures.VOUCHER.type(), new byte[] {1}));
    }
    return ChannelEvent.of(code);
  }

  private static Map<EventCode, SpecRule> specRules() {
    Map<EventCode, SpecRule> rules = new EnumMap<>(EventCode.class);
    for (List<String> row : SpecDocument.dataTransfer().tableRows("### 4.4")) {
      String eventName = row.get(1).replaceAll("\\(.*\\)", "").strip();
      EventCode code =
          Arrays.stream(EventCode.values())
              .filter(e -> e.goName().equals(eventName))
              .findFirst()
              .orElseThrow(() -> new AssertionError("unknown event in spec table: " + eventName));
      rules.put(code, parseRule(row.get(2)));
    }
    return rules;
  }

  /**
   * Parses e.g. "Requested, Ongoing → InitiatorPaused; ResponderPaused → BothPaused; other → rec".
   */
  private static SpecRule parseRule(String cell) {
    Map<Status, Expected> specific = new EnumMap<>(Status.class);
    Optional<Expected> otherwise = Optional.empty();
    for (String clause : cell.replace("*", "").replaceAll("\\([^)]*\\)", "").split(";")) {
      if (clause.strip().startsWith("no rule")) {
        continue;
      }
      String[] sides = clause.split("→");
      String source = sides[0].strip();
      Expected destination = new Expected(sides[1].strip());
      if (source.equals("any") || source.equals("other")) {
        otherwise = Optional.of(destination);
      } else if (source.equals("transferringStates")) {
        Status.TRANSFERRING.forEach(s -> specific.put(s, destination));
      } else {
        for (String name : source.split(",")) {
          specific.put(goStatus(name.strip()), destination);
        }
      }
    }
    return new SpecRule(specific, otherwise);
  }

  private static Status goStatus(String name) {
    return Arrays.stream(Status.values())
        .filter(s -> s.goName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("unknown status in spec table: " + name));
  }
}
