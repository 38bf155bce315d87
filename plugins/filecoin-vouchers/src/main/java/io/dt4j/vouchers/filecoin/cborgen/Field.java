package io.dt4j.vouchers.filecoin.cborgen;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a cbor-gen struct: its Go name (the map key of map-encoded structs), its type, and
 * how to get its value from the Java value.
 *
 * @param name the Go field name, e.g. {@code PricePerByte}
 * @param type how the field is written and read
 * @param getter the field's value in the Java value
 * @param <T> the struct's Java type
 * @param <V> the field's Java type
 */
public record Field<T, V>(String name, FieldType<V> type, Function<T, V> getter) {

  /** Checks that no part is missing. */
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(getter, "getter");
  }

  /**
   * Returns a field.
   *
   * @param name the Go field name
   * @param type how the field is written and read
   * @param getter the field's value in the Java value
   * @param <T> the struct's Java type
   * @param <V> the field's Java type
   * @return the field
   */
  public static <T, V> Field<T, V> of(String name, FieldType<V> type, Function<T, V> getter) {
    return new Field<>(name, type, getter);
  }
}
