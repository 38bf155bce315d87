package io.dt4j.core.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the candidates, in discovery order, into the extensions the host offers: the first
 * contribution of a key wins, and a second contribution of the same extension class or of the same
 * key in one role (a voucher type id, a transport name, a voucher type's validator) is an error
 * naming both sources.
 */
final class ExtensionCatalog {
  private final List<DiscoveredExtension> extensions = new ArrayList<>();
  private final Map<String, ExtensionCandidate> byClassName = new HashMap<>();
  private final Map<String, DiscoveredExtension> byClaim = new HashMap<>();
  private final List<PluginLoadError> errors;

  ExtensionCatalog(List<PluginLoadError> errors) {
    this.errors = errors;
  }

  void add(ExtensionCandidate candidate) {
    String className = candidate.instance().getClass().getName();
    ExtensionCandidate sameClass = byClassName.putIfAbsent(className, candidate);
    if (sameClass != null) {
      duplicate(candidate, "extension class " + className, sameClass.source());
      return;
    }
    for (ExtensionKind kind : ExtensionKind.of(candidate.instance())) {
      addInRole(candidate, kind);
    }
  }

  private void addInRole(ExtensionCandidate candidate, ExtensionKind kind) {
    List<String> claims = kind.claims(candidate.instance());
    for (String claim : claims) {
      DiscoveredExtension holder = byClaim.get(kind + "/" + claim);
      if (holder != null) {
        duplicate(
            candidate,
            kind.label() + " '" + claim + "' (" + candidate.instance().getClass().getName() + ")",
            holder.source());
        return;
      }
    }
    String id =
        switch (kind) {
          case VOUCHER_TYPE, VOUCHER_RESULT_TYPE, TRANSPORT -> claims.get(0);
          default -> candidate.instance().getClass().getName();
        };
    DiscoveredExtension extension =
        new DiscoveredExtension(kind, id, claims, candidate.instance(), candidate.source());
    claims.forEach(claim -> byClaim.put(kind + "/" + claim, extension));
    extensions.add(extension);
  }

  private void duplicate(ExtensionCandidate later, String what, ExtensionSource first) {
    errors.add(
        new PluginLoadError(
            later.source().file(),
            what
                + " is contributed twice: first by "
                + first
                + ", again by "
                + later.source()
                + "; the first one is used"));
  }

  List<DiscoveredExtension> extensions() {
    return List.copyOf(extensions);
  }
}
