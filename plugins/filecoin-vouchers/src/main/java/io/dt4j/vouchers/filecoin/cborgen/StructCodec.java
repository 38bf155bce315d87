package io.dt4j.vouchers.filecoin.cborgen;

import io.dt4j.ipld.cbor.CborWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The codec of one Go struct as cbor-gen generates it, declared as a table of {@link Field}s.
 *
 * <p>{@link Layout#TUPLE} (cbor-gen's default) writes an array of the field values in declaration
 * order and reads exactly that many. {@link Layout#MAP} ({@code --map-encoding}) writes a map from
 * field name to value in declaration order, as the cbor-gen of the go-fil-markets v1 releases that
 * pair with go-data-transfer v1 does, and reads the keys in any order (the later, length-first
 * order of go-fil-markets v1.28 too); like Go it skips keys it does not know, and, stricter than
 * Go, it rejects a missing or repeated key.
 *
 * @param <T> the struct's Java type
 */
public final class StructCodec<T> implements FieldType<T> {

  /** How cbor-gen lays out a struct. */
  public enum Layout {
    /** An array of the values in declaration order. */
    TUPLE,
    /** A map from field name to value. */
    MAP
  }

  private final Layout layout;
  private final List<Field<T, ?>> fields;
  private final Function<FieldValues, T> constructor;
  private final Map<String, Field<T, ?>> byName = new HashMap<>();

  private StructCodec(
      Layout layout, List<Field<T, ?>> fields, Function<FieldValues, T> constructor) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.fields = List.copyOf(fields);
    this.constructor = Objects.requireNonNull(constructor, "constructor");
    for (Field<T, ?> field : this.fields) {
      if (byName.put(field.name(), field) != null) {
        throw new IllegalArgumentException("field " + field.name() + " declared twice");
      }
    }
  }

  /**
   * Returns the codec of a struct in the given layout.
   *
   * @param layout tuple or map
   * @param fields the fields in Go declaration order
   * @param constructor builds the value from the fields read
   * @param <T> the struct's Java type
   * @return the codec
   */
  public static <T> StructCodec<T> of(
      Layout layout, List<Field<T, ?>> fields, Function<FieldValues, T> constructor) {
    return new StructCodec<>(layout, fields, constructor);
  }

  /**
   * Returns the codec of a tuple-encoded struct.
   *
   * @param fields the fields in Go declaration order
   * @param constructor builds the value from the fields read
   * @param <T> the struct's Java type
   * @return the codec
   */
  public static <T> StructCodec<T> tuple(
      List<Field<T, ?>> fields, Function<FieldValues, T> constructor) {
    return new StructCodec<>(Layout.TUPLE, fields, constructor);
  }

  /**
   * Returns the codec of a map-encoded struct.
   *
   * @param fields the fields in Go declaration order
   * @param constructor builds the value from the fields read
   * @param <T> the struct's Java type
   * @return the codec
   */
  public static <T> StructCodec<T> map(
      List<Field<T, ?>> fields, Function<FieldValues, T> constructor) {
    return new StructCodec<>(Layout.MAP, fields, constructor);
  }

  /**
   * Encodes a value as one CBOR item.
   *
   * @param value the value
   * @return the CBOR bytes
   */
  public byte[] encode(T value) {
    CborWriter out = new CborWriter();
    write(out, value);
    return out.toByteArray();
  }

  /**
   * Decodes exactly one CBOR item, with nothing after it.
   *
   * @param cbor the bytes, from the network
   * @param format what the value is, for errors, e.g. {@code RetrievalDealProposal/1}
   * @return the value
   * @throws io.dt4j.ipld.MalformedIpldException naming the field and the byte offset
   */
  public T decode(byte[] cbor, String format) {
    CborGenReader in = new CborGenReader(cbor, format);
    T value = read(in, "");
    in.requireEnd();
    return value;
  }

  /** Returns the layout. */
  public Layout layout() {
    return layout;
  }

  @Override
  public void write(CborWriter out, T value) {
    out.head(layout == Layout.TUPLE ? CborWriter.ARRAY : CborWriter.MAP, fields.size());
    for (Field<T, ?> field : fields) {
      if (layout == Layout.MAP) {
        out.bytes(CborWriter.TEXT, field.name().getBytes(StandardCharsets.UTF_8));
      }
      writeField(out, field, value);
    }
  }

  @Override
  public T read(CborGenReader in, String path) {
    Map<Field<?, ?>, Object> values = new IdentityHashMap<>();
    if (layout == Layout.TUPLE) {
      long count = in.head(CborWriter.ARRAY, path, "an array");
      if (count != fields.size()) {
        throw in.error(
            path,
            "wrong number of fields: "
                + Long.toUnsignedString(count)
                + ", expected "
                + fields.size());
      }
      for (Field<T, ?> field : fields) {
        values.put(field, field.type().read(in, join(path, field.name())));
      }
    } else {
      readMap(in, path, values);
    }
    try {
      return constructor.apply(new FieldValues(values));
    } catch (IllegalArgumentException e) {
      throw in.error(path, e.getMessage());
    }
  }

  private void readMap(CborGenReader in, String path, Map<Field<?, ?>, Object> values) {
    int count = in.length(CborWriter.MAP, CborGenReader.MAX_LENGTH, path, "a map");
    for (int i = 0; i < count; i++) {
      String key = FieldTypes.TEXT.read(in, join(path, "<key>"));
      Field<T, ?> field = byName.get(key);
      if (field == null) {
        in.item(join(path, key)); // a field this version does not know: skipped, as Go does
      } else if (values.put(field, field.type().read(in, join(path, key))) != null) {
        throw in.error(join(path, key), "field appears twice");
      }
    }
    for (Field<T, ?> field : fields) {
      if (!values.containsKey(field)) {
        throw in.error(path, "missing field " + field.name());
      }
    }
  }

  private static <T, V> void writeField(CborWriter out, Field<T, V> field, T value) {
    field.type().write(out, field.getter().apply(value));
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
