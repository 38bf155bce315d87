package io.dt4j.core.registry;

import io.dt4j.api.DuplicateRegistrationException;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TransportConfigurer;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherResult;
import io.dt4j.api.VoucherType;
import io.dt4j.core.plugins.DiscoveredExtension;
import io.dt4j.core.plugins.ExtensionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers what the plugin host discovered: each voucher-result type; each voucher type (known for
 * encoding even without a validator); and each validator, revalidator and transport configurer with
 * the voucher type of every identifier it claims. A processor that claims an identifier no voucher
 * type was found for cannot be registered: it is reported, the others still are.
 */
final class DiscoveredRegistration {
  private final VoucherRegistry registry;
  private final Map<TypeIdentifier, VoucherType<? extends Voucher>> voucherTypes = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  DiscoveredRegistration(VoucherRegistry registry) {
    this.registry = registry;
  }

  @SuppressWarnings("unchecked")
  List<String> apply(List<DiscoveredExtension> extensions) {
    for (DiscoveredExtension e : extensions) {
      if (e.kind() == ExtensionKind.VOUCHER_TYPE) {
        VoucherType<? extends Voucher> type = (VoucherType<? extends Voucher>) e.instance();
        voucherTypes.put(type.identifier(), type);
        registry.registerVoucherCodec(type);
      } else if (e.kind() == ExtensionKind.VOUCHER_RESULT_TYPE) {
        register(e, null, () -> registry.registerVoucherResultType(resultType(e)));
      }
    }
    for (DiscoveredExtension e : extensions) {
      for (String claim : e.claims()) {
        VoucherType<? extends Voucher> type = voucherTypes.get(TypeIdentifier.of(claim));
        switch (e.kind()) {
          case REQUEST_VALIDATOR ->
              register(
                  e,
                  claim,
                  () -> registry.registerVoucherType(type, (RequestValidator) e.instance()));
          case REVALIDATOR ->
              register(
                  e, claim, () -> registry.registerRevalidator(type, (Revalidator) e.instance()));
          case TRANSPORT_CONFIGURER ->
              register(
                  e,
                  claim,
                  () ->
                      registry.registerTransportConfigurer(
                          type, (TransportConfigurer) e.instance()));
          default -> {}
        }
      }
    }
    return List.copyOf(problems);
  }

  @SuppressWarnings("unchecked")
  private static VoucherType<? extends VoucherResult> resultType(DiscoveredExtension e) {
    return (VoucherType<? extends VoucherResult>) e.instance();
  }

  private interface Registration {
    void run() throws DuplicateRegistrationException;
  }

  private void register(DiscoveredExtension e, String claim, Registration registration) {
    if (claim != null && !voucherTypes.containsKey(TypeIdentifier.of(claim))) {
      problems.add(
          e.kind().label()
              + " "
              + e.className()
              + " from "
              + e.source()
              + " handles voucher type '"
              + claim
              + "', but no extension contributes that voucher type: not registered");
      return;
    }
    try {
      registration.run();
    } catch (DuplicateRegistrationException ex) {
      problems.add(
          e.kind().label() + " " + e.className() + " from " + e.source() + ": " + ex.getMessage());
    }
  }
}
