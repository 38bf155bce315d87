package io.dt4j.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * The archive's plugins with the example voucher plugin's {@code ExampleRevalidator} left out. That
 * revalidator charges as you go: past 1 MiB a channel pauses until the initiator sends a new
 * voucher, which {@code bin/dt4j} cannot do; without it, the first voucher pays for any size.
 */
final class PayOnceVouchers {
  private static final String REVALIDATOR = "io.dt4j.example.voucher.ExampleRevalidator";

  private PayOnceVouchers() {}

  /** Copies {@code <root>/plugins} into {@code scratch}, the example plugin rewritten. */
  static Path pluginsWithoutRevalidator(Path root, Path scratch) throws Exception {
    Path plugins = Files.createDirectories(scratch.resolve("plugins-pay-once"));
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(root.resolve("plugins"))) {
      for (Path jar : jars) {
        Path copy = plugins.resolve(jar.getFileName());
        if (jar.getFileName().toString().startsWith("dt4j-example-voucher-")) {
          withoutRevalidator(jar, copy);
        } else {
          Files.copy(jar, copy);
        }
      }
    }
    return plugins;
  }

  private static void withoutRevalidator(Path jar, Path copy) throws Exception {
    try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), in.getManifest())) {
      for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
        if (entry.getName().equals("META-INF/services/io.dt4j.api.Revalidator")) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        if (entry.getName().equals("META-INF/extensions.idx")) {
          out.write(withoutLine(in, REVALIDATOR));
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  private static byte[] withoutLine(InputStream in, String line) throws Exception {
    List<String> lines =
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.strip().equals(line))
            .toList();
    return (lines.stream().collect(Collectors.joining("\n")) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
