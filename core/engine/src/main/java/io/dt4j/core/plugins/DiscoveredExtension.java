package io.dt4j.core.plugins;

import java.util.List;
import java.util.Objects;

/**
 * One extension found by the {@link PluginHost}, in one role.
 *
 * @param kind the role
 * @param id what it is named by: a voucher type's identifier, a transport's name, or the class name
 *     of a validator, revalidator or configurer
 * @param claims the keys it claims in its role (voucher types, transport name)
 * @param instance the extension object
 * @param source where it came from
 */
public record DiscoveredExtension(
    ExtensionKind kind, String id, List<String> claims, Object instance, ExtensionSource source) {

  /** Checks that no part is missing. */
  public DiscoveredExtension {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    claims = List.copyOf(claims);
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(source, "source");
  }

  /** Returns the extension's class name. */
  public String className() {
    return instance.getClass().getName();
  }
}
