package io.dt4j.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a plugin jar or zip before PF4J opens it, so that a broken file gets a reason a user can
 * act on ("not a valid jar file", "no plugin descriptor") instead of PF4J's internal wording, and
 * so that a zip with entries escaping its folder is never expanded.
 */
final class PluginArchive {
  private PluginArchive() {}

  /** Returns what is wrong with the file, or empty if PF4J may load it. */
  static Optional<String> problem(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean jar = name.endsWith(".jar");
    if (!Files.isRegularFile(file) || !(jar || name.endsWith(".zip"))) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Optional<String> unsafe = unsafeEntry(zip);
      if (unsafe.isPresent() || !jar) {
        return unsafe;
      }
      return hasDescriptor(zip)
          ? Optional.empty()
          : Optional.of(
              "no plugin descriptor: the jar's manifest has no Plugin-Id and it has no"
                  + " plugin.properties");
    } catch (IOException e) {
      return Optional.of(
          "not a valid " + (jar ? "jar" : "zip") + " file (" + Failures.describe(e) + ")");
    }
  }

  private static Optional<String> unsafeEntry(ZipFile zip) {
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      String entry = entries.nextElement().getName();
      String normalized = entry.replace('\\', '/');
      if (normalized.startsWith("/")
          || normalized.equals("..")
          || normalized.startsWith("../")
          || normalized.contains("/../")
          || normalized.endsWith("/..")) {
        return Optional.of("unsafe entry '" + entry + "' would be written outside the plugin");
      }
    }
    return Optional.empty();
  }

  private static boolean hasDescriptor(ZipFile zip) throws IOException {
    if (zip.getEntry("plugin.properties") != null) {
      return true;
    }
    ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
    if (entry == null) {
      return false;
    }
    Manifest manifest = new Manifest(zip.getInputStream(entry));
    String id = manifest.getMainAttributes().getValue(new Attributes.Name("Plugin-Id"));
    return id != null && !id.isBlank();
  }
}
