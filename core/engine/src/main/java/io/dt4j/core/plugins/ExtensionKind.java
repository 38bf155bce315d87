package io.dt4j.core.plugins;

import io.dt4j.api.RequestValidator;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TransportConfigurer;
import io.dt4j.api.TransportFactory;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles an extension can play, one per extension point of plugin-api (voucher types split by
 * {@link VoucherType.Kind}). Each role names the keys an extension claims: two extensions of one
 * kind may not claim the same key.
 */
public enum ExtensionKind {
  /** A {@link VoucherType} of vouchers; claims its identifier. */
  VOUCHER_TYPE("voucher-type", VoucherType.class),
  /** A {@link VoucherType} of voucher results; claims its identifier. */
  VOUCHER_RESULT_TYPE("voucher-result-type", VoucherType.class),
  /** A {@link RequestValidator}; claims the voucher types it validates. */
  REQUEST_VALIDATOR("validator", RequestValidator.class),
  /** A {@link Revalidator}; claims the voucher types it revalidates. */
  REVALIDATOR("revalidator", Revalidator.class),
  /** A {@link TransportFactory}; claims its transport name. */
  TRANSPORT("transport", TransportFactory.class),
  /** A {@link TransportConfigurer}; claims the voucher types it configures. */
  TRANSPORT_CONFIGURER("transport-configurer", TransportConfigurer.class);

  /** The extension point interfaces, each once. */
  static final List<Class<?>> EXTENSION_POINTS =
      List.of(
          VoucherType.class,
          RequestValidator.class,
          Revalidator.class,
          TransportFactory.class,
          TransportConfigurer.class);

  private final String label;
  private final Class<?> point;

  ExtensionKind(String label, Class<?> point) {
    this.label = label;
    this.point = point;
  }

  /** Returns the short name shown by {@code dt4j plugins}, e.g. {@code voucher-type}. */
  public String label() {
    return label;
  }

  /** Returns the extension point interface. */
  public Class<?> point() {
    return point;
  }

  /** Returns the kinds that an instance of this class plays. */
  static Set<ExtensionKind> of(Object extension) {
    Set<ExtensionKind> kinds = EnumSet.noneOf(ExtensionKind.class);
    if (extension instanceof VoucherType<?> type) {
      kinds.add(type.kind() == VoucherType.Kind.VOUCHER ? VOUCHER_TYPE : VOUCHER_RESULT_TYPE);
    }
    for (ExtensionKind kind :
        List.of(REQUEST_VALIDATOR, REVALIDATOR, TRANSPORT, TRANSPORT_CONFIGURER)) {
      if (kind.point.isInstance(extension)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /** Returns the keys the extension claims in this role. */
  List<String> claims(Object extension) {
    return switch (this) {
      case VOUCHER_TYPE, VOUCHER_RESULT_TYPE ->
          List.of(((VoucherType<?>) extension).identifier().value());
      case TRANSPORT -> List.of(((TransportFactory) extension).name());
      case REQUEST_VALIDATOR -> names(((RequestValidator) extension).voucherTypes());
      case REVALIDATOR -> names(((Revalidator) extension).voucherTypes());
      case TRANSPORT_CONFIGURER -> names(((TransportConfigurer) extension).voucherTypes());
    };
  }

  private static List<String> names(Set<TypeIdentifier> types) {
    return types.stream().map(TypeIdentifier::value).sorted().collect(Collectors.toList());
  }
}
