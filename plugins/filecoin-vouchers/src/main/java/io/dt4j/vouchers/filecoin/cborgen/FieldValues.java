package io.dt4j.vouchers.filecoin.cborgen;

import java.util.Map;

/** The values a {@link StructCodec} read, by field, handed to the struct's constructor. */
public final class FieldValues {
  private final Map<Field<?, ?>, Object> values;

  FieldValues(Map<Field<?, ?>, Object> values) {
    this.values = values;
  }

  /**
   * Returns the value read for a field.
   *
   * @param field one of the struct's fields
   * @param <V> the field's Java type
   * @return the value
   * @throws IllegalArgumentException if the field is not one of the struct's
   */
  @SuppressWarnings("unchecked")
  public <V> V get(Field<?, V> field) {
    Object value = values.get(field);
    if (value == null) {
      throw new IllegalArgumentException("no value read for field " + field.name());
    }
    return (V) value;
  }
}
