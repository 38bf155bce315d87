package io.dt4j.core.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Two plugins that bundle conflicting versions of one small library, {@code org.example.Lib}, in
 * the two ways PF4J-NOTES.md describes: one shades version 1 into its jar, the other is a zip
 * plugin with version 2 as a jar in its {@code lib/} folder. Version 2 dropped {@code
 * shout(String)} for {@code shout(String, int)}, so a plugin that saw the other's version would
 * fail with {@code NoSuchMethodError}. Each plugin's validator claims the voucher type {@code
 * isolation/<version of Lib it sees>} and rejects every request with the library's output.
 */
final class ConflictingLibraryPlugins {
  static final String SHADED_ID = "lib-one-shaded";
  static final String ZIPPED_ID = "lib-two-zipped";
  static final String LIB = "org.example.Lib";

  private static final String LIB_V1 =
      "package org.example;\n"
          + "public final class Lib {\n"
          + "  private Lib() {}\n"
          + "  public static String version() { return \"1.0.0\"; }\n"
          + "  public static String shout(String text) {"
          + " return text.toUpperCase(java.util.Locale.ROOT); }\n"
          + "}\n";

  private static final String LIB_V2 =
      "package org.example;\n"
          + "public final class Lib {\n"
          + "  private Lib() {}\n"
          + "  public static String version() { return \"2.0.0\"; }\n"
          + "  public static String shout(String text, int times) {"
          + " return String.join(\" \", java.util.Collections.nCopies(times, text)); }\n"
          + "}\n";

  private ConflictingLibraryPlugins() {}

  /** Writes the plugin jar with library version 1 shaded in; returns its path. */
  static Path writeShaded(Path pluginsDir) throws IOException {
    return PluginJarBuilder.plugin(SHADED_ID, "1.0.0")
        .source(LIB, LIB_V1)
        .source(
            "org.example.one.LibValidator", validator("one", "org.example.Lib.shout(\"hello\")"))
        .writeTo(pluginsDir.resolve(SHADED_ID + ".jar"));
  }

  /**
   * Writes the zip plugin whose {@code lib/} holds its extension jar and library version 2, built
   * in {@code workDir}; returns the zip's path.
   */
  static Path writeZipped(Path pluginsDir, Path workDir) throws IOException {
    Path extensions =
        PluginJarBuilder.plugin(ZIPPED_ID, "2.0.0")
            .source(LIB, LIB_V2)
            .source(
                "org.example.two.LibValidator",
                validator("two", "org.example.Lib.shout(\"hello\", 2)"))
            .omit(LIB)
            .writeTo(workDir.resolve(ZIPPED_ID + ".jar"));
    Path library = plainLibraryJar(LIB_V2, workDir, "example-lib-2.0.0.jar");
    Path zip = pluginsDir.resolve(ZIPPED_ID + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(
          out,
          "plugin.properties",
          ("plugin.id=" + ZIPPED_ID + "\nplugin.version=2.0.0\n").getBytes(StandardCharsets.UTF_8));
      put(out, "lib/" + extensions.getFileName(), Files.readAllBytes(extensions));
      put(out, "lib/" + library.getFileName(), Files.readAllBytes(library));
    }
    return zip;
  }

  /**
   * Writes a library jar as a third party ships it: the compiled class and nothing else (no plugin
   * manifest, no extension index).
   */
  private static Path plainLibraryJar(String source, Path workDir, String name) throws IOException {
    Path compiled =
        PluginJarBuilder.plugin("scratch", "0.0.0")
            .source(LIB, source)
            .writeTo(workDir.resolve("scratch-" + name));
    String entry = LIB.replace('.', '/') + ".class";
    Path jar = workDir.resolve(name);
    try (JarFile in = new JarFile(compiled.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(out, entry, in.getInputStream(in.getEntry(entry)).readAllBytes());
    }
    return jar;
  }

  private static String validator(String pkg, String libraryCall) {
    return "package org.example."
        + pkg
        + ";\n"
        + "import io.dt4j.api.*;\n"
        + "@org.pf4j.Extension public final class LibValidator implements RequestValidator {\n"
        + "  public java.util.Set<TypeIdentifier> voucherTypes() {\n"
        + "    return java.util.Set.of(TypeIdentifier.of(\"isolation/\" + org.example.Lib.version()));\n"
        + "  }\n"
        + "  public ValidationResult validatePush(PeerId p, Voucher v, io.dt4j.ipld.Cid c,"
        + " io.dt4j.ipld.Node s) {\n"
        + "    return ValidationResult.reject("
        + libraryCall
        + ");\n"
        + "  }\n"
        + "  public ValidationResult validatePull(PeerId p, Voucher v, io.dt4j.ipld.Cid c,"
        + " io.dt4j.ipld.Node s) {\n"
        + "    return validatePush(p, v, c, s);\n"
        + "  }\n"
        + "}\n";
  }

  private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(bytes);
    out.closeEntry();
  }
}
