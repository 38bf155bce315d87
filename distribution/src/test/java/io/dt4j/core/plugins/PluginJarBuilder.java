package io.dt4j.core.plugins;

import io.dt4j.api.VoucherType;
import io.dt4j.ipld.Cid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.Extension;

/**
 * Builds a real PF4J plugin jar in a test: compiles Java sources against dt4j-plugin-api with
 * PF4J's annotation processor (so {@code META-INF/extensions.idx} is generated as in a Maven build)
 * and packs the classes with a plugin manifest. Classes can be left out, and foreign classes added,
 * to make broken plugins on purpose.
 */
public final class PluginJarBuilder {
  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Set<String> omitted = new HashSet<>();
  private final List<Class<?>> bundled = new ArrayList<>();

  private PluginJarBuilder(String id, String version) {
    manifest.put("Plugin-Id", id);
    manifest.put("Plugin-Version", version);
  }

  /** Starts a plugin with the given id and version. */
  public static PluginJarBuilder plugin(String id, String version) {
    return new PluginJarBuilder(id, version);
  }

  /** Sets a manifest attribute, e.g. {@code Plugin-Requires}. */
  public PluginJarBuilder manifest(String name, String value) {
    manifest.put(name, value);
    return this;
  }

  /** Adds a Java source file for the class with the given fully qualified name. */
  public PluginJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** Compiles the class but leaves it out of the jar. */
  public PluginJarBuilder omit(String className) {
    omitted.add(className);
    return this;
  }

  /** Packs a class of the test's class path into the jar too (as a bad plugin would). */
  public PluginJarBuilder bundle(Class<?> type) {
    bundled.add(type);
    return this;
  }

  /** Writes the jar and returns its path. */
  public Path writeTo(Path jar) throws IOException {
    Path work = Files.createTempDirectory("plugin-src");
    Path classes = Files.createDirectories(work.resolve("classes"));
    compile(work, classes);
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
    Files.createDirectories(jar.toAbsolutePath().getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String entry = classes.relativize(file).toString().replace('\\', '/');
        if (!omitted.contains(entry.replace('/', '.').replaceAll("\\.class$", ""))) {
          write(out, entry, Files.readAllBytes(file));
        }
      }
      for (Class<?> type : bundled) {
        String entry = type.getName().replace('.', '/') + ".class";
        try (var in = type.getClassLoader().getResourceAsStream(entry)) {
          write(out, entry, in.readAllBytes());
        }
      }
    }
    return jar;
  }

  private void compile(Path work, Path classes) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            locationOf(VoucherType.class),
            locationOf(Cid.class),
            locationOf(Extension.class));
    List<String> args = new ArrayList<>();
    // JDK 23+ runs no annotation processor implicitly: name PF4J's, as the Maven build does.
    args.addAll(List.of("--release", "17", "-proc:full", "-d", classes.toString()));
    args.addAll(List.of("-classpath", classPath, "-processorpath", classPath));
    args.addAll(List.of("-processor", "org.pf4j.processor.ExtensionAnnotationProcessor"));
    files.forEach(f -> args.add(f.toString()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status =
        javac.run(null, messages, messages, withoutProcFullBefore21(args).toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("plugin sources do not compile:\n" + messages);
    }
  }

  /** {@code -proc:full} is known to javac 21 and later only; older ones run processors anyway. */
  private static List<String> withoutProcFullBefore21(List<String> args) {
    return Runtime.version().feature() >= 21
        ? args
        : args.stream().filter(a -> !a.equals("-proc:full")).toList();
  }

  private static void write(JarOutputStream out, String entry, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(entry));
    out.write(bytes);
    out.closeEntry();
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("bad class path entry for " + type, e));
    }
  }
}
