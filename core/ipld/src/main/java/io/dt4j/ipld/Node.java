package io.dt4j.ipld;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of the IPLD data model: null, boolean, integer, float, string, bytes, list, map or link.
 * Every variant is an immutable record; maps keep their insertion order, which {@link
 * DagCbor#encode(Node)} writes as is.
 */
public sealed interface Node
    permits Node.Null,
        Node.Bool,
        Node.Int,
        Node.Float,
        Node.Str,
        Node.Bytes,
        Node.ListNode,
        Node.MapNode,
        Node.Link {

  /** The null value. */
  Null NULL = new Null();

  /** The data-model kind of a node, one per variant. */
  enum Kind {
    /** {@link Null}. */
    NULL,
    /** {@link Bool}. */
    BOOL,
    /** {@link Int}. */
    INT,
    /** {@link Float}. */
    FLOAT,
    /** {@link Str}. */
    STRING,
    /** {@link Bytes}. */
    BYTES,
    /** {@link ListNode}. */
    LIST,
    /** {@link MapNode}. */
    MAP,
    /** {@link Link}. */
    LINK
  }

  /**
   * Returns the data-model kind of this node.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * Returns a string node.
   *
   * @param value the string
   * @return the node
   */
  static Str of(String value) {
    return new Str(value);
  }

  /**
   * Returns an integer node.
   *
   * @param value the integer
   * @return the node
   */
  static Int of(long value) {
    return new Int(value);
  }

  /**
   * Returns a boolean node.
   *
   * @param value the boolean
   * @return the node
   */
  static Bool of(boolean value) {
    return new Bool(value);
  }

  /**
   * Returns a bytes node holding a copy of the array.
   *
   * @param value the bytes
   * @return the node
   */
  static Bytes of(byte[] value) {
    return new Bytes(value);
  }

  /**
   * Returns a link node.
   *
   * @param cid the linked CID
   * @return the node
   */
  static Link link(Cid cid) {
    return new Link(cid);
  }

  /**
   * Returns a list node of the given items.
   *
   * @param items the items, in order
   * @return the node
   */
  static ListNode list(Node... items) {
    return new ListNode(List.of(items));
  }

  /**
   * Starts building a map node whose entries keep the order of the {@code put} calls.
   *
   * @return an empty builder
   */
  static MapBuilder map() {
    return new MapBuilder();
  }

  /** Builds a {@link MapNode}, keeping entries in the order they were put. Not thread-safe. */
  final class MapBuilder {
    private final Map<String, Node> entries = new LinkedHashMap<>();

    private MapBuilder() {}

    /**
     * Adds an entry.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the key was already put
     */
    public MapBuilder put(String key, Node value) {
      Objects.requireNonNull(value, "value");
      if (entries.putIfAbsent(Objects.requireNonNull(key, "key"), value) != null) {
        throw new IllegalArgumentException("duplicate map key: " + key);
      }
      return this;
    }

    /**
     * Returns the map built so far.
     *
     * @return an immutable map node
     */
    public MapNode build() {
      return new MapNode(entries);
    }
  }

  /** The null value; use {@link Node#NULL}. */
  record Null() implements Node {
    @Override
    public Kind kind() {
      return Kind.NULL;
    }
  }

  /**
   * A boolean.
   *
   * @param value the boolean
   */
  record Bool(boolean value) implements Node {
    @Override
    public Kind kind() {
      return Kind.BOOL;
    }
  }

  /**
   * A signed 64-bit integer.
   *
   * @param value the integer
   */
  record Int(long value) implements Node {
    @Override
    public Kind kind() {
      return Kind.INT;
    }
  }

  /**
   * A 64-bit float. DAG-CBOR cannot carry NaN or infinities.
   *
   * @param value the float
   */
  record Float(double value) implements Node {
    @Override
    public Kind kind() {
      return Kind.FLOAT;
    }
  }

  /**
   * A Unicode string.
   *
   * @param value the string
   */
  record Str(String value) implements Node {
    /**
     * Rejects null.
     *
     * @param value the string
     */
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Kind kind() {
      return Kind.STRING;
    }
  }

  /**
   * A byte string. The public constructor and {@link #value()} copy the array; a raw block decoded
   * on the data path shares its block's array through {@link #adopt} instead.
   */
  final class Bytes implements Node {
    private final byte[] value;

    /**
     * Copies the array.
     *
     * @param value the bytes
     */
    public Bytes(byte[] value) {
      this(value, true);
    }

    private Bytes(byte[] value, boolean copy) {
      this.value = copy ? value.clone() : Objects.requireNonNull(value, "value");
    }

    /**
     * Makes a bytes node of an array handed over without a copy: nobody may change it afterwards.
     *
     * @param value the bytes, shared
     * @return the node
     */
    public static Bytes adopt(byte[] value) {
      return new Bytes(value, false);
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return the bytes
     */
    public byte[] value() {
      return value.clone();
    }

    /**
     * Returns the number of bytes, without copying them.
     *
     * @return the length
     */
    public int size() {
      return value.length;
    }

    @Override
    public Kind kind() {
      return Kind.BYTES;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes" + Arrays.toString(value);
    }
  }

  /**
   * A list; the items are copied into an immutable list.
   *
   * @param items the items, in order
   */
  record ListNode(List<Node> items) implements Node {
    /**
     * Copies the items.
     *
     * @param items the items, in order
     */
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public Kind kind() {
      return Kind.LIST;
    }
  }

  /**
   * A map with string keys; the entries are copied into an immutable map that keeps their order.
   * Equality follows {@link Map#equals(Object)} and so ignores order, although {@link
   * DagCbor#encode(Node)} writes entries in order: two equal maps may encode differently.
   *
   * @param entries the entries, in the order they should be written
   */
  record MapNode(Map<String, Node> entries) implements Node {
    /**
     * Copies the entries, keeping their iteration order.
     *
     * @param entries the entries, in the order they should be written
     */
    public MapNode {
      Map<String, Node> copy = new LinkedHashMap<>();
      entries.forEach(
          (key, value) ->
              copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
      entries = Collections.unmodifiableMap(copy);
    }

    @Override
    public Kind kind() {
      return Kind.MAP;
    }
  }

  /**
   * A link to another block.
   *
   * @param cid the linked CID
   */
  record Link(Cid cid) implements Node {
    /**
     * Rejects null.
     *
     * @param cid the linked CID
     */
    public Link {
      Objects.requireNonNull(cid, "cid");
    }

    @Override
    public Kind kind() {
      return Kind.LINK;
    }
  }
}
