package io.dt4j.api;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: a voucher or voucher-result type, coupling its registry name with its CBOR
 * codec.
 *
 * <p>A node can only accept requests whose voucher type it knows, and can only read the voucher
 * results of types it knows. A plugin contributes one {@code VoucherType} per type; the plugin host
 * registers each with the manager ({@link Manager#registerVoucherType} for vouchers, {@link
 * Manager#registerVoucherResultType} for results, chosen by {@link #javaType()}). Two types with
 * the same {@link #identifier()} are an error that names both sources.
 *
 * <p>The codec must produce exactly one CBOR data item and must be byte-compatible with the Go type
 * of the same name (cbor-gen tuple or map encoding, or DAG-CBOR), so that Go nodes read what dt4j
 * writes. Implementations are stateless and thread-safe.
 *
 * @param <T> the Java type of the values, a {@link Voucher} or a {@link VoucherResult}
 */
public interface VoucherType<T extends Registerable> extends ExtensionPoint {

  /** Returns the registry name sent on the wire as {@code VTyp}. */
  TypeIdentifier identifier();

  /**
   * Returns the Java class of the values; a subtype of {@link Voucher} or {@link VoucherResult}.
   */
  Class<T> javaType();

  /**
   * Encodes a value as one CBOR data item.
   *
   * @param value the value, of this type
   * @return the CBOR bytes
   */
  byte[] encode(T value);

  /**
   * Decodes a value from the CBOR bytes another node sent.
   *
   * @param cbor one CBOR data item, from the network: it may be malformed
   * @return the value
   * @throws VoucherDecodingException naming what was wrong with the bytes
   */
  T decode(byte[] cbor) throws VoucherDecodingException;

  /** Returns whether this type describes vouchers or voucher results, from {@link #javaType()}. */
  default Kind kind() {
    return Voucher.class.isAssignableFrom(javaType()) ? Kind.VOUCHER : Kind.VOUCHER_RESULT;
  }

  /** The two roles a registered type can play. */
  enum Kind {
    /** The type of vouchers sent with requests. */
    VOUCHER,
    /** The type of voucher results sent with responses. */
    VOUCHER_RESULT
  }
}
