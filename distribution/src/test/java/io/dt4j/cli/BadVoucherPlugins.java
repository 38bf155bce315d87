package io.dt4j.cli;

import io.dt4j.core.plugins.PluginJarBuilder;
import java.nio.file.Path;

/**
 * Plugin jars for the bad inputs of voucher validation, compiled in the test: voucher types that
 * encode any voucher as a CBOR text string (so a client can send bytes the provider's type of the
 * same name cannot decode, or a type the provider does not know), and a validator that throws.
 */
final class BadVoucherPlugins {
  /** Decodes as {@code StorageDataTransferVoucher} on the client, not on the provider. */
  static final String MISFIT_STORAGE_TYPE = "StorageDataTransferVoucher";

  /** Known to the client only. */
  static final String UNKNOWN_TYPE = "acme/Unknown";

  /** Known to both; the provider's validator of it throws. */
  static final String THROWING_TYPE = "acme/Throws";

  /** What the throwing validator throws. */
  static final String THROWN = "the deal book is unavailable";

  private BadVoucherPlugins() {}

  /** The client's plugin: the three types as text, no validators. */
  static Path clientTypes(Path jar) throws Exception {
    PluginJarBuilder plugin = PluginJarBuilder.plugin("acme-client-types", "1.0.0");
    textType(plugin, "Misfit", MISFIT_STORAGE_TYPE);
    textType(plugin, "Unknown", UNKNOWN_TYPE);
    textType(plugin, "Throws", THROWING_TYPE);
    return plugin.writeTo(jar);
  }

  /** The provider's plugin: {@link #THROWING_TYPE} and a validator for it that throws. */
  static Path throwingValidator(Path jar) throws Exception {
    PluginJarBuilder plugin = PluginJarBuilder.plugin("acme-throws", "1.0.0");
    textType(plugin, "Throws", THROWING_TYPE);
    String validator =
        """
        package acme;
        import io.dt4j.api.*;
        import io.dt4j.ipld.*;
        @org.pf4j.Extension
        public final class ThrowingValidator implements RequestValidator {
          public java.util.Set<TypeIdentifier> voucherTypes() {
            return java.util.Set.of(TypeIdentifier.of("%s"));
          }
          public ValidationResult validatePush(PeerId p, Voucher v, Cid c, Node s) {
            throw new IllegalStateException("%s");
          }
          public ValidationResult validatePull(PeerId p, Voucher v, Cid c, Node s) {
            throw new IllegalStateException("%s");
          }
        }
        """
            .formatted(THROWING_TYPE, THROWN, THROWN);
    return plugin.source("acme.ThrowingValidator", validator).writeTo(jar);
  }

  /** Adds a voucher record and its type, whose CBOR form is the voucher's text. */
  private static void textType(PluginJarBuilder plugin, String name, String identifier) {
    plugin.source(
        "acme." + name,
        """
        package acme;
        public record %s(String text) implements io.dt4j.api.Voucher {
          public io.dt4j.api.TypeIdentifier type() {
            return io.dt4j.api.TypeIdentifier.of("%s");
          }
        }
        """
            .formatted(name, identifier));
    plugin.source(
        "acme." + name + "Type",
        """
        package acme;
        import io.dt4j.ipld.*;
        @org.pf4j.Extension
        public final class %1$sType implements io.dt4j.api.VoucherType<%1$s> {
          public io.dt4j.api.TypeIdentifier identifier() {
            return io.dt4j.api.TypeIdentifier.of("%2$s");
          }
          public Class<%1$s> javaType() { return %1$s.class; }
          public byte[] encode(%1$s v) { return DagCbor.encode(Node.of(v.text())); }
          public %1$s decode(byte[] b) { return new %1$s(((Node.Str) DagCbor.decode(b)).value()); }
        }
        """
            .formatted(name, identifier));
  }
}
