package io.dt4j.graphsync.message;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The extension data of a request or response (graphsync spec §4.1): name to opaque bytes, in the
 * order they were added (the wire's map order carries no meaning). Graphsync's own extensions and
 * the data-transfer messages alike ride here; this type does not look inside the bytes. Immutable;
 * arrays are copied in and out.
 */
public final class Extensions {
  private static final Extensions NONE = new Extensions(Map.of());

  private final Map<String, byte[]> entries;

  private Extensions(Map<String, byte[]> entries) {
    this.entries = entries;
  }

  /**
   * Returns no extensions.
   *
   * @return the empty set
   */
  public static Extensions none() {
    return NONE;
  }

  /** Wraps a map the caller hands over and never touches again; for the codec. */
  static Extensions adopt(Map<String, byte[]> entries) {
    return entries.isEmpty() ? NONE : new Extensions(Collections.unmodifiableMap(entries));
  }

  /**
   * Returns one extension.
   *
   * @param name the extension name, e.g. {@code fil/data-transfer/1.1}
   * @param data its payload
   * @return the extensions
   */
  public static Extensions of(String name, byte[] data) {
    return NONE.with(name, data);
  }

  /**
   * Returns these extensions with one added, or replaced if the name is present (its place kept).
   *
   * @param name the extension name
   * @param data its payload (copied)
   * @return new extensions
   */
  public Extensions with(String name, byte[] data) {
    Objects.requireNonNull(name, "name");
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.put(name, data.clone());
    return new Extensions(Collections.unmodifiableMap(copy));
  }

  /**
   * Returns these extensions with every extension of {@code other} added or replacing the one of
   * the same name (go-graphsync's {@code ReplaceExtensions}).
   *
   * @param other the extensions to put in
   * @return new extensions
   */
  public Extensions withAll(Extensions other) {
    if (other.isEmpty()) {
      return this;
    }
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.putAll(other.entries);
    return new Extensions(Collections.unmodifiableMap(copy));
  }

  /**
   * Returns these extensions without one.
   *
   * @param name the extension name
   * @return new extensions
   */
  public Extensions without(String name) {
    if (!entries.containsKey(name)) {
      return this;
    }
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.remove(name);
    return new Extensions(Collections.unmodifiableMap(copy));
  }

  /**
   * Returns an extension's payload. Absent differs from empty (§4.1).
   *
   * @param name the extension name
   * @return a copy of the payload, or empty if absent
   */
  public Optional<byte[]> get(String name) {
    byte[] data = entries.get(name);
    return data == null ? Optional.empty() : Optional.of(data.clone());
  }

  /**
   * Tells whether an extension is present.
   *
   * @param name the extension name
   * @return true if present
   */
  public boolean has(String name) {
    return entries.containsKey(name);
  }

  /**
   * Returns the names, in the order they were added.
   *
   * @return the names
   */
  public Set<String> names() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /**
   * Tells whether there is no extension.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Returns the total size of the payloads, which counts against a message's size budget.
   *
   * @return the bytes of all payloads
   */
  public int payloadBytes() {
    int total = 0;
    for (byte[] data : entries.values()) {
      total += data.length;
    }
    return total;
  }

  /** Hands each entry to the visitor without copying; for the codec. */
  void forEachUnsafe(java.util.function.BiConsumer<String, byte[]> visitor) {
    entries.forEach(visitor);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Extensions that) || !entries.keySet().equals(that.entries.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      if (!Arrays.equals(entry.getValue(), that.entries.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      hash += entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue());
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    entries.forEach(
        (name, data) -> {
          if (text.length() > 1) {
            text.append(", ");
          }
          text.append(name).append(": ").append(data.length).append(" bytes");
        });
    return text.append('}').toString();
  }
}
