package io.dt4j.core.registry;

import io.dt4j.api.DuplicateRegistrationException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.Registerable;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TransportConfigurer;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherResult;
import io.dt4j.api.VoucherType;
import io.dt4j.core.plugins.DiscoveredExtension;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registries of a manager (go-data-transfer's {@code registry} package, data-transfer.md §5.5):
 * voucher types with their {@link RequestValidator}, voucher types with their {@link Revalidator}
 * (kept in registration order), voucher-result types, and {@link TransportConfigurer}s. Each is
 * keyed by the type's identifier; registering an identifier twice in one registry fails with Go's
 * text {@code identifier already registered: <id>}.
 *
 * <p>It also encodes and decodes vouchers and results by type name. A voucher type registered in
 * any role (or with {@link #registerVoucherCodec}) can encode the vouchers this node sends.
 * Thread-safe.
 */
public final class VoucherRegistry {
  private final Map<TypeIdentifier, Registered<RequestValidator>> validators =
      new ConcurrentHashMap<>();
  private final Map<TypeIdentifier, Registered<Revalidator>> revalidators =
      new ConcurrentHashMap<>();
  private final List<Revalidator> revalidatorOrder = new CopyOnWriteArrayList<>();
  private final Map<TypeIdentifier, VoucherType<? extends VoucherResult>> resultTypes =
      new ConcurrentHashMap<>();
  private final Map<TypeIdentifier, Registered<TransportConfigurer>> configurers =
      new ConcurrentHashMap<>();
  private final Map<TypeIdentifier, VoucherType<? extends Voucher>> voucherCodecs =
      new ConcurrentHashMap<>();

  /** A voucher type and what was registered for it. */
  private record Registered<P>(VoucherType<? extends Voucher> type, P processor) {}

  /**
   * Registers a voucher type with the validator of requests that carry it.
   *
   * @param type the voucher type
   * @param validator its validator
   * @throws DuplicateRegistrationException if the identifier has a validator already
   */
  public void registerVoucherType(VoucherType<? extends Voucher> type, RequestValidator validator)
      throws DuplicateRegistrationException {
    register(validators, requireVoucherKind(type), validator);
  }

  /**
   * Registers a revalidator for channels whose vouchers are of the type.
   *
   * @param type the voucher type
   * @param revalidator the revalidator
   * @throws DuplicateRegistrationException if the identifier has a revalidator already
   */
  public void registerRevalidator(VoucherType<? extends Voucher> type, Revalidator revalidator)
      throws DuplicateRegistrationException {
    register(revalidators, requireVoucherKind(type), revalidator);
    revalidatorOrder.add(revalidator);
  }

  /**
   * Registers a transport configurer for channels whose vouchers are of the type.
   *
   * @param type the voucher type
   * @param configurer the configurer
   * @throws DuplicateRegistrationException if the identifier has a configurer already
   */
  public void registerTransportConfigurer(
      VoucherType<? extends Voucher> type, TransportConfigurer configurer)
      throws DuplicateRegistrationException {
    register(configurers, requireVoucherKind(type), configurer);
  }

  /**
   * Registers a voucher-result type, so that results of this type can be read.
   *
   * @param type the result type
   * @throws DuplicateRegistrationException if the identifier is registered already
   */
  public void registerVoucherResultType(VoucherType<? extends VoucherResult> type)
      throws DuplicateRegistrationException {
    if (type.kind() != VoucherType.Kind.VOUCHER_RESULT) {
      throw new IllegalArgumentException(
          type.identifier() + " describes vouchers, not voucher results: " + type.javaType());
    }
    if (resultTypes.putIfAbsent(type.identifier(), type) != null) {
      throw new DuplicateRegistrationException(type.identifier());
    }
  }

  /**
   * Makes a voucher type known for encoding and decoding only, without a validator: what a node
   * that only opens channels of this type needs. Idempotent; the first type of an identifier wins.
   *
   * @param type the voucher type
   */
  public void registerVoucherCodec(VoucherType<? extends Voucher> type) {
    voucherCodecs.putIfAbsent(requireVoucherKind(type).identifier(), type);
  }

  private <P> void register(
      Map<TypeIdentifier, Registered<P>> registry, VoucherType<? extends Voucher> type, P processor)
      throws DuplicateRegistrationException {
    if (registry.putIfAbsent(type.identifier(), new Registered<>(type, processor)) != null) {
      throw new DuplicateRegistrationException(type.identifier());
    }
    voucherCodecs.putIfAbsent(type.identifier(), type);
  }

  private static VoucherType<? extends Voucher> requireVoucherKind(
      VoucherType<? extends Voucher> type) {
    if (type.kind() != VoucherType.Kind.VOUCHER) {
      throw new IllegalArgumentException(
          type.identifier() + " describes voucher results, not vouchers: " + type.javaType());
    }
    return type;
  }

  /**
   * Registers every voucher type, voucher-result type, validator, revalidator and transport
   * configurer that the plugin host discovered, each processor with the voucher type of each
   * identifier it claims.
   *
   * @param extensions the host's {@link io.dt4j.core.plugins.PluginHost#extensions()}
   * @return what could not be registered, one line each (a processor for a voucher type no
   *     extension contributes, an identifier registered already); empty when all was registered
   */
  public List<String> registerDiscovered(List<DiscoveredExtension> extensions) {
    return new DiscoveredRegistration(this).apply(extensions);
  }

  /**
   * Returns the validator registered for a voucher type.
   *
   * @param type the voucher type's identifier
   * @return the validator, if any
   */
  public Optional<RequestValidator> validator(TypeIdentifier type) {
    return Optional.ofNullable(validators.get(type)).map(Registered::processor);
  }

  /**
   * Returns the revalidator registered for a voucher type.
   *
   * @param type the voucher type's identifier
   * @return the revalidator, if any
   */
  public Optional<Revalidator> revalidator(TypeIdentifier type) {
    return Optional.ofNullable(revalidators.get(type)).map(Registered::processor);
  }

  /** Returns every registered revalidator once, in registration order. */
  public List<Revalidator> revalidators() {
    Map<Revalidator, Boolean> seen = new IdentityHashMap<>();
    List<Revalidator> distinct = new ArrayList<>();
    for (Revalidator r : revalidatorOrder) {
      if (seen.put(r, Boolean.TRUE) == null) {
        distinct.add(r);
      }
    }
    return distinct;
  }

  /**
   * Returns the transport configurer registered for a voucher type.
   *
   * @param type the voucher type's identifier
   * @return the configurer, if any
   */
  public Optional<TransportConfigurer> configurer(TypeIdentifier type) {
    return Optional.ofNullable(configurers.get(type)).map(Registered::processor);
  }

  /**
   * Encodes a voucher this node sends.
   *
   * @param voucher the voucher
   * @return its type name and CBOR bytes
   * @throws UnregisteredVoucherTypeException if no voucher type of its name is known
   */
  public EncodedVoucher encode(Voucher voucher) throws UnregisteredVoucherTypeException {
    VoucherType<? extends Voucher> type = voucherCodecs.get(voucher.type());
    if (type == null) {
      throw new UnregisteredVoucherTypeException("voucher", voucher.type());
    }
    return new EncodedVoucher(voucher.type(), encodeWith(type, voucher));
  }

  /**
   * Encodes a voucher result this node sends.
   *
   * @param result the result
   * @return its type name and CBOR bytes
   * @throws UnregisteredVoucherTypeException if no result type of its name is registered
   */
  public EncodedVoucher encodeResult(VoucherResult result) throws UnregisteredVoucherTypeException {
    VoucherType<? extends VoucherResult> type = resultTypes.get(result.type());
    if (type == null) {
      throw new UnregisteredVoucherTypeException("voucher result", result.type());
    }
    return new EncodedVoucher(result.type(), encodeWith(type, result));
  }

  /**
   * Decodes the voucher of a new or restart request, with the types that have a validator.
   *
   * @param encoded the voucher from the request
   * @return the voucher
   * @throws VoucherDecodingException {@code unknown voucher type: X} or a decoding failure
   */
  public Voucher decodeForValidation(EncodedVoucher encoded) throws VoucherDecodingException {
    return decodeWith(typeOf(validators, encoded.type()), encoded);
  }

  /**
   * Decodes the voucher of a voucher request, with the types that have a revalidator.
   *
   * @param encoded the voucher from the request
   * @return the voucher
   * @throws VoucherDecodingException {@code unknown voucher type: X} or a decoding failure
   */
  public Voucher decodeForRevalidation(EncodedVoucher encoded) throws VoucherDecodingException {
    return decodeWith(typeOf(revalidators, encoded.type()), encoded);
  }

  /**
   * Decodes a stored voucher of a channel: validated types first, then revalidated types (as Go
   * does), then types known for encoding only.
   *
   * @param encoded the stored voucher
   * @return the voucher
   * @throws VoucherDecodingException {@code unknown voucher type: X} or a decoding failure
   */
  public Voucher decodeStored(EncodedVoucher encoded) throws VoucherDecodingException {
    VoucherType<? extends Voucher> type = typeOf(validators, encoded.type());
    if (type == null) {
      type = typeOf(revalidators, encoded.type());
    }
    if (type == null) {
      type = voucherCodecs.get(encoded.type());
    }
    return decodeWith(type, encoded);
  }

  /**
   * Decodes a voucher result, with the registered result types.
   *
   * @param encoded the result from a response or the store
   * @return the result
   * @throws VoucherDecodingException {@code unknown voucher result type: X} or a decoding failure
   */
  public VoucherResult decodeResult(EncodedVoucher encoded) throws VoucherDecodingException {
    VoucherType<? extends VoucherResult> type = resultTypes.get(encoded.type());
    if (type == null) {
      throw new VoucherDecodingException("unknown voucher result type: " + encoded.type());
    }
    return decodeWith(type, encoded);
  }

  private static VoucherType<? extends Voucher> typeOf(
      Map<TypeIdentifier, ? extends Registered<?>> registry, TypeIdentifier id) {
    Registered<?> registered = registry.get(id);
    return registered == null ? null : registered.type();
  }

  private static <T extends Registerable> T decodeWith(VoucherType<T> type, EncodedVoucher encoded)
      throws VoucherDecodingException {
    if (type == null) {
      throw VoucherDecodingException.unknownType(encoded.type());
    }
    try {
      return type.decode(encoded.cbor());
    } catch (RuntimeException e) {
      throw new VoucherDecodingException(
          "voucher type " + encoded.type() + " failed to decode its bytes: " + e, e);
    }
  }

  private static <T extends Registerable> byte[] encodeWith(VoucherType<T> type, Registerable value)
      throws UnregisteredVoucherTypeException {
    if (!type.javaType().isInstance(value)) {
      throw new UnregisteredVoucherTypeException(
          value.type(),
          "the registered type encodes "
              + type.javaType().getName()
              + ", not "
              + value.getClass().getName());
    }
    return type.encode(type.javaType().cast(value));
  }
}
