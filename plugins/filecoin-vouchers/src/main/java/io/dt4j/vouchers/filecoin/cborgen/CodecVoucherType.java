package io.dt4j.vouchers.filecoin.cborgen;

import io.dt4j.api.Registerable;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.ipld.MalformedIpldException;
import java.util.Objects;

/**
 * A {@link VoucherType} whose codec is a {@link StructCodec} table: decoding failures become {@link
 * VoucherDecodingException}s that name the type, the field and the byte offset.
 *
 * @param <T> the values' Java type
 */
public abstract class CodecVoucherType<T extends Registerable> implements VoucherType<T> {
  private final TypeIdentifier identifier;
  private final Class<T> javaType;
  private final StructCodec<T> codec;

  /**
   * Creates the type.
   *
   * @param identifier the registry name
   * @param javaType the values' class
   * @param codec the struct's codec
   */
  protected CodecVoucherType(TypeIdentifier identifier, Class<T> javaType, StructCodec<T> codec) {
    this.identifier = Objects.requireNonNull(identifier, "identifier");
    this.javaType = Objects.requireNonNull(javaType, "javaType");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public final TypeIdentifier identifier() {
    return identifier;
  }

  @Override
  public final Class<T> javaType() {
    return javaType;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the value names another type (e.g. a legacy value given to
   *     the current type)
   */
  @Override
  public final byte[] encode(T value) {
    if (!identifier.equals(value.type())) {
      throw new IllegalArgumentException(
          "a " + value.type() + " value cannot be encoded as " + identifier);
    }
    return codec.encode(value);
  }

  @Override
  public final T decode(byte[] cbor) throws VoucherDecodingException {
    try {
      return codec.decode(cbor, identifier.value());
    } catch (MalformedIpldException e) {
      throw new VoucherDecodingException(e.getMessage(), e);
    }
  }
}
