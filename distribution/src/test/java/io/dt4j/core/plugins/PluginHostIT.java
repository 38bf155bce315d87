package io.dt4j.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dt4j.api.RequestValidator;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TransportFactory;
import io.dt4j.api.VoucherType;
import io.dt4j.core.Dt4jVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin host against real plugin jars in a fresh plugins folder: the example-voucher jar as
 * Maven built it, jars compiled in the test, and broken files.
 */
class PluginHostIT {
  @TempDir Path plugins;

  @Test
  void examplePluginAndClassPathExtensionsLoadBesideACorruptJar() throws Exception {
    Path exampleJar = TestPlugins.copyExamplePlugin(plugins);
    Path corrupt = TestPlugins.writeCorruptJar(plugins);

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      List<DiscoveredExtension> fromJar =
          host.extensions().stream()
              .filter(e -> e.source().pluginId().equals("example-voucher"))
              .toList();
      assertThat(fromJar)
          .extracting(e -> e.kind(), e -> e.id(), e -> e.source().version(), e -> e.source().file())
          .containsExactlyInAnyOrder(
              tuple(ExtensionKind.VOUCHER_TYPE, "dt4j/ExampleVoucher", "0.1.0", exampleJar),
              tuple(
                  ExtensionKind.VOUCHER_RESULT_TYPE,
                  "dt4j/ExampleVoucherResult",
                  "0.1.0",
                  exampleJar),
              tuple(
                  ExtensionKind.REQUEST_VALIDATOR,
                  "io.dt4j.example.voucher.ExampleValidator",
                  "0.1.0",
                  exampleJar),
              tuple(
                  ExtensionKind.REVALIDATOR,
                  "io.dt4j.example.voucher.ExampleRevalidator",
                  "0.1.0",
                  exampleJar));
      assertThat(host.extensions(VoucherType.class)).hasSize(2);
      assertThat(host.extensions(RequestValidator.class)).hasSize(1);
      assertThat(host.extensions(Revalidator.class)).hasSize(1);
      // loaded by the plugin's own class loader, not the application's
      assertThat(host.extensions(RequestValidator.class).get(0).getClass().getClassLoader())
          .isNotSameAs(PluginHost.class.getClassLoader());

      assertThat(host.extensions())
          .filteredOn(e -> e.kind() == ExtensionKind.TRANSPORT)
          .filteredOn(e -> e.id().equals(ClassPathTestTransport.NAME))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.id()).isEqualTo(ClassPathTestTransport.NAME);
                assertThat(e.source().pluginId()).isEqualTo(ExtensionSource.CLASSPATH);
                assertThat(e.source().file()).exists();
              });
      assertThat(host.extensions(TransportFactory.class))
          .hasAtLeastOneElementOfType(ClassPathTestTransport.class);

      assertSingleError(
          host, corrupt, reason -> assertThat(reason).contains("not a valid jar file"));
    }
  }

  @Test
  void strictModeRefusesToStartWhenAPluginIsBroken() throws Exception {
    TestPlugins.copyExamplePlugin(plugins);
    Path corrupt = TestPlugins.writeCorruptJar(plugins);

    assertThatThrownBy(() -> PluginHost.start(PluginHostOptions.of(plugins, true)))
        .isInstanceOfSatisfying(
            PluginLoadException.class,
            e -> assertThat(e.errors()).extracting(PluginLoadError::file).containsExactly(corrupt))
        .hasMessageContaining(corrupt.toString());
  }

  @Test
  void strictModeStartsWhenEveryPluginLoads() throws Exception {
    TestPlugins.copyExamplePlugin(plugins);

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, true))) {
      assertThat(host.errors()).isEmpty();
      // the example plugin's four, and this module's two class-path test transports
      assertThat(host.extensions()).hasSize(6);
    }
  }

  @Test
  void pluginRequiringANewerDt4jIsReportedAndTheOthersLoad() throws Exception {
    TestPlugins.copyExamplePlugin(plugins);
    Path future =
        TestPlugins.voucherTypePlugin("future-plugin", "com.acme.future", "acme/Future")
            .manifest("Plugin-Requires", ">=9.0.0")
            .writeTo(plugins.resolve("future.jar"));

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      assertSingleError(
          host,
          future,
          reason ->
              assertThat(reason)
                  .contains("future-plugin", "requires dt4j >=9.0.0")
                  .contains("this is dt4j " + Dt4jVersion.current().release()));
      assertThat(host.extensions())
          .extracting(DiscoveredExtension::id)
          .doesNotContain("acme/Future");
      assertThat(host.extensions(VoucherType.class)).hasSize(2);
    }
  }

  @Test
  void extensionNeedingAMissingClassIsReportedAndItsSiblingsLoad() throws Exception {
    Path jar =
        TestPlugins.voucherTypePlugin("half-plugin", "com.acme.half", "acme/Half")
            .source("com.acme.half.Gone", "package com.acme.half; public class Gone {}")
            .source(
                "com.acme.half.NeedsGone",
                "package com.acme.half;\n"
                    + "@org.pf4j.Extension public final class NeedsGone extends Gone"
                    + " implements io.dt4j.api.TransportFactory {\n"
                    + "  public String name() { return \"needs-gone\"; }\n"
                    + "  public io.dt4j.api.Transport create(io.dt4j.api.TransportContext c) {"
                    + " return null; }\n"
                    + "}\n")
            .omit("com.acme.half.Gone")
            .writeTo(plugins.resolve("half.jar"));

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      assertSingleError(
          host,
          jar,
          reason -> assertThat(reason).contains("com.acme.half.NeedsGone", "com/acme/half/Gone"));
      assertThat(host.extensions()).extracting(DiscoveredExtension::id).contains("acme/Half");
    }
  }

  @Test
  void sameVoucherTypeIdFromTwoPluginsIsAnErrorNamingBoth() throws Exception {
    Path example = TestPlugins.copyExamplePlugin(plugins);
    Path copycat =
        TestPlugins.voucherTypePlugin("copycat", "com.acme.copy", "dt4j/ExampleVoucher")
            .writeTo(plugins.resolve("zz-copycat.jar"));

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      assertSingleError(
          host,
          copycat,
          reason ->
              assertThat(reason)
                  .contains("voucher-type 'dt4j/ExampleVoucher'", "contributed twice")
                  .contains(example.toString(), copycat.toString()));
      assertThat(host.extensions())
          .filteredOn(e -> e.id().equals("dt4j/ExampleVoucher"))
          .singleElement()
          .extracting(e -> e.source().pluginId())
          .isEqualTo("example-voucher");
    }
    assertThatThrownBy(() -> PluginHost.start(PluginHostOptions.of(plugins, true)))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("contributed twice");
  }

  @Test
  void pluginBundlingThePluginApiIsToldToDeclareItProvided() throws Exception {
    Path jar =
        TestPlugins.voucherTypePlugin("fat-plugin", "com.acme.fat", "acme/Fat")
            .bundle(VoucherType.class)
            .bundle(VoucherType.Kind.class)
            .writeTo(plugins.resolve("fat.jar"));

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      assertSingleError(
          host, jar, reason -> assertThat(reason).contains("com.acme.fat.VType", "provided"));
    }
  }

  @Test
  void pluginWithAMissingDependencyIsReported() throws Exception {
    Path jar =
        TestPlugins.voucherTypePlugin("lonely", "com.acme.lonely", "acme/Lonely")
            .manifest("Plugin-Dependencies", "nowhere-plugin@>=1.0.0")
            .writeTo(plugins.resolve("lonely.jar"));
    TestPlugins.copyExamplePlugin(plugins);

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      assertSingleError(
          host, jar, reason -> assertThat(reason).contains("lonely", "nowhere-plugin"));
      assertThat(host.extensions(VoucherType.class)).hasSize(2);
    }
  }

  @Test
  void jarWithoutDescriptorAndPluginWithoutIndexAreNamed() throws Exception {
    Path noDescriptor = writeJarWithoutDescriptor(plugins.resolve("no-descriptor.jar"));
    Path noIndex =
        PluginJarBuilder.plugin("empty-plugin", "1.0.0")
            .source("com.acme.Nothing", "package com.acme; public class Nothing {}")
            .writeTo(plugins.resolve("no-index.jar"));

    try (PluginHost host = PluginHost.start(PluginHostOptions.of(plugins, false))) {
      assertThat(host.errors())
          .extracting(PluginLoadError::file, PluginLoadError::reason)
          .containsExactlyInAnyOrder(
              tuple(
                  noDescriptor,
                  "no plugin descriptor: the jar's manifest has no Plugin-Id and it has no"
                      + " plugin.properties"),
              tuple(
                  noIndex,
                  "plugin empty-plugin lists no extensions: META-INF/extensions.idx is missing or"
                      + " empty (was PF4J's annotation processor run?)"));
    }
  }

  @Test
  void missingPluginsDirectoryIsNamed() {
    Path missing = plugins.resolve("not-there");

    assertThatThrownBy(() -> PluginHost.start(PluginHostOptions.of(missing, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugins directory not found: " + missing);
  }

  /** Asserts that the host reports exactly one error, for {@code file}, with such a reason. */
  private static void assertSingleError(
      PluginHost host, Path file, java.util.function.Consumer<String> reason) {
    assertThat(host.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.file()).isEqualTo(file);
              reason.accept(e.reason());
            });
  }

  private static Path writeJarWithoutDescriptor(Path jar) throws Exception {
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
      out.write("not a plugin".getBytes());
      out.closeEntry();
    }
    return jar;
  }
}
