package io.dt4j.benchmarks.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the samples of one measurement step. A step declares its figures first, so that a step
 * that fails or times out before it produced them still reports each of them as failed, with the
 * reason. Synchronized because two threads own it in turn without a hand-over point: the step's
 * thread adds, and the runner reads when the step ends or times out (a timed-out step's thread may
 * still be adding).
 */
public final class Recorder {
  private record Key(String name, String runtime) {}

  private record Slot(String unit, int repeats, List<Double> samples) {}

  private final String group;
  private final Map<Key, Slot> slots = new LinkedHashMap<>();
  private final Map<Key, String> failures = new LinkedHashMap<>();

  /** A recorder for the figures of {@code group}. */
  public Recorder(String group) {
    this.group = group;
  }

  /** Declares a figure that should get {@code repeats} samples. */
  public synchronized void expect(String name, String runtime, String unit, int repeats) {
    slots.computeIfAbsent(new Key(name, runtime), k -> new Slot(unit, repeats, new ArrayList<>()));
  }

  /** Adds one sample to a figure, declaring it (for one sample) if needed. */
  public synchronized void add(String name, String runtime, String unit, double value) {
    expect(name, runtime, unit, 1);
    slots.get(new Key(name, runtime)).samples().add(value);
  }

  /** Marks one figure failed, declaring it if needed; the first reason wins. */
  public synchronized void fail(String name, String runtime, String unit, String reason) {
    expect(name, runtime, unit, 1);
    failures.putIfAbsent(new Key(name, runtime), reason);
  }

  /**
   * The step ended early: marks every figure with fewer samples than declared as failed, or, if
   * none lacks samples (the step failed after measuring, e.g. on a check), all of them.
   */
  public synchronized void failIncomplete(String reason) {
    boolean any = false;
    for (Map.Entry<Key, Slot> entry : slots.entrySet()) {
      if (entry.getValue().samples().size() < entry.getValue().repeats()) {
        failures.putIfAbsent(entry.getKey(), reason);
        any = true;
      }
    }
    if (!any) {
      slots.keySet().forEach(key -> failures.putIfAbsent(key, reason));
    }
  }

  /** The figures so far, in declaration order. */
  public synchronized List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    slots.forEach(
        (key, slot) ->
            figures.add(
                new Figure(
                    group,
                    key.name(),
                    key.runtime(),
                    slot.unit(),
                    slot.samples(),
                    Optional.ofNullable(failures.get(key)))));
    return figures;
  }
}
