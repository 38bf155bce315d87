package io.dt4j.ipld.traversal;

import io.dt4j.ipld.selector.PathSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a node sits, as segments from the traversal's root; a link and the root of the block it
 * names share a path. Immutable; {@link #append} shares the prefix, so deep paths cost one object
 * per segment, and nothing here recurses. Two paths are equal when their segments read the same
 * ({@code 1} the index equals {@code "1"} the field).
 */
public final class Path {
  private static final Path ROOT = new Path(null, null);

  /** The path without the last segment; null for the root. */
  private final Path parent;

  /** The last segment; null for the root. */
  private final PathSegment last;

  private final int length;
  private final int hash;

  private Path(Path parent, PathSegment last) {
    this.parent = parent;
    this.last = last;
    this.length = parent == null ? 0 : parent.length + 1;
    this.hash = parent == null ? 1 : 31 * parent.hash + last.asString().hashCode();
  }

  /**
   * Returns the empty path.
   *
   * @return the root path
   */
  public static Path root() {
    return ROOT;
  }

  /**
   * Returns the path of segments, in order from the root.
   *
   * @param segments the segments
   * @return the path
   */
  public static Path of(PathSegment... segments) {
    Path path = ROOT;
    for (PathSegment segment : segments) {
      path = path.append(segment);
    }
    return path;
  }

  /**
   * Returns this path extended by one segment.
   *
   * @param segment the segment
   * @return the longer path
   */
  public Path append(PathSegment segment) {
    return new Path(this, Objects.requireNonNull(segment, "segment"));
  }

  /**
   * Returns the number of segments.
   *
   * @return the length, 0 for the root
   */
  public int length() {
    return length;
  }

  /**
   * Returns the last segment.
   *
   * @return the segment, or empty for the root
   */
  public Optional<PathSegment> last() {
    return Optional.ofNullable(last);
  }

  /**
   * Returns the segments in order from the root.
   *
   * @return an immutable list
   */
  public List<PathSegment> segments() {
    List<PathSegment> segments = new ArrayList<>(length);
    for (Path at = this; at.parent != null; at = at.parent) {
      segments.add(at.last);
    }
    Collections.reverse(segments);
    return Collections.unmodifiableList(segments);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Path that) || that.length != length || that.hash != hash) {
      return false;
    }
    for (Path a = this, b = that; a != b; a = a.parent, b = b.parent) {
      if (!a.last.asString().equals(b.last.asString())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Returns the segments joined by {@code /}, as Go's {@code Path.String()}; empty for the root.
   *
   * @return e.g. {@code Links/0/Hash}
   */
  @Override
  public String toString() {
    return String.join("/", segments().stream().map(PathSegment::asString).toList());
  }
}
