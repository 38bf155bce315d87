package io.dt4j.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.Registerable;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The voucher types the node's plugins contribute, by identifier: turns a voucher typed as JSON
 * into a {@link Voucher} (JSON to DAG-CBOR through {@link DagJson}, then the type's own decoder, so
 * the type checks the shape), and a voucher back into its bytes for display.
 */
public final class VoucherTypes {
  private final Map<String, VoucherType<?>> vouchers = new LinkedHashMap<>();
  private final List<VoucherType<?>> all;

  /**
   * @param types every voucher and voucher-result type found
   */
  public VoucherTypes(List<VoucherType<?>> types) {
    all = List.copyOf(types);
    for (VoucherType<?> type : types) {
      if (type.kind() == VoucherType.Kind.VOUCHER) {
        vouchers.putIfAbsent(type.identifier().value(), type);
      }
    }
  }

  /** Returns the identifiers of the voucher types (not result types), in discovery order. */
  public Set<String> voucherIdentifiers() {
    return vouchers.keySet();
  }

  /**
   * Builds a voucher from its DAG-JSON form.
   *
   * @param typeId the voucher type's identifier, e.g. {@code dt4j/ExampleVoucher}
   * @param json the voucher as DAG-JSON
   * @return the voucher
   * @throws InvalidInputException if the type is unknown or the JSON does not fit it
   */
  public Voucher parse(String typeId, JsonNode json) {
    VoucherType<?> type = vouchers.get(typeId);
    if (type == null) {
      throw new InvalidInputException(
          "unknown voucher type '"
              + typeId
              + "'; this node knows "
              + (vouchers.isEmpty()
                  ? "none (install a voucher plugin)"
                  : String.join(", ", vouchers.keySet())));
    }
    byte[] cbor;
    try {
      cbor = DagCbor.encode(DagJson.toNode(json));
    } catch (IllegalArgumentException | MalformedIpldException e) {
      throw new InvalidInputException("voucher JSON: " + e.getMessage());
    }
    try {
      return (Voucher) type.decode(cbor);
    } catch (VoucherDecodingException | RuntimeException e) {
      throw new InvalidInputException("the voucher does not fit " + typeId + ": " + e.getMessage());
    }
  }

  /**
   * Encodes a voucher or voucher result with its registered type: the type of the value's
   * identifier, not of its class, since one class may serve several types (e.g. a current and a
   * legacy encoding of the same Go struct).
   *
   * @param value the value
   * @return its encoded form, if its type is known
   */
  public Optional<EncodedVoucher> encode(Registerable value) {
    return all.stream()
        .filter(t -> t.identifier().equals(value.type()) && t.javaType().isInstance(value))
        .findFirst()
        .map(type -> new EncodedVoucher(value.type(), encodeWith(type, value)));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Registerable> byte[] encodeWith(
      VoucherType<T> type, Registerable value) {
    return type.encode((T) value);
  }

  /**
   * Returns a stored voucher as DAG-JSON, whatever its type (the bytes are DAG-CBOR).
   *
   * @param voucher the encoded voucher
   * @return the JSON, or the hex of the bytes as a string if they are not DAG-CBOR
   */
  public static JsonNode toJson(EncodedVoucher voucher) {
    try {
      Node node = DagCbor.decode(voucher.cbor());
      return DagJson.toJson(node);
    } catch (MalformedIpldException | IllegalArgumentException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(
          java.util.HexFormat.of().formatHex(voucher.cbor()));
    }
  }
}
