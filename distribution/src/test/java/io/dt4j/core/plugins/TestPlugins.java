package io.dt4j.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The plugin jars the plugin-host tests drop into fresh plugins folders. */
public final class TestPlugins {
  private TestPlugins() {}

  /** Copies the example-voucher plugin jar, as built by Maven, into {@code dir}. */
  public static Path copyExamplePlugin(Path dir) throws IOException {
    Path plugins = Path.of(System.getProperty("dt4j.dist.dir")).resolve("plugins");
    try (Stream<Path> files = Files.list(plugins)) {
      Path jar =
          files
              .filter(f -> f.getFileName().toString().startsWith("dt4j-example-voucher-"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no example-voucher jar in " + plugins));
      return Files.copy(jar, dir.resolve(jar.getFileName()));
    }
  }

  /** Writes a file with a {@code .jar} name that is not a zip. */
  static Path writeCorruptJar(Path dir) throws IOException {
    return Files.write(dir.resolve("corrupt.jar"), "PK but not really a jar".getBytes());
  }

  /** A plugin with one voucher type of the given identifier. */
  static PluginJarBuilder voucherTypePlugin(String pluginId, String pkg, String identifier) {
    return PluginJarBuilder.plugin(pluginId, "1.0.0")
        .source(
            pkg + ".V",
            "package "
                + pkg
                + "; public record V(String s) implements io.dt4j.api.Voucher {"
                + " public io.dt4j.api.TypeIdentifier type() { return io.dt4j.api.TypeIdentifier.of(\""
                + identifier
                + "\"); } }")
        .source(
            pkg + ".VType",
            "package "
                + pkg
                + ";\n"
                + "@org.pf4j.Extension public final class VType implements io.dt4j.api.VoucherType<V> {\n"
                + "  public io.dt4j.api.TypeIdentifier identifier() {"
                + " return io.dt4j.api.TypeIdentifier.of(\""
                + identifier
                + "\"); }\n"
                + "  public Class<V> javaType() { return V.class; }\n"
                + "  public byte[] encode(V v) { return io.dt4j.ipld.DagCbor.encode(io.dt4j.ipld.Node.of(v.s())); }\n"
                + "  public V decode(byte[] b) { return new V(((io.dt4j.ipld.Node.Str) io.dt4j.ipld.DagCbor.decode(b)).value()); }\n"
                + "}\n");
  }
}
