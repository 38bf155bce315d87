package io.dt4j.graphsync.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin jar (PF4J-NOTES.md §1, §4): a PF4J descriptor in its manifest, and only its
 * own classes — plugin-api, dt4j-ipld, pf4j and slf4j come from the application.
 */
class PluginJarIT {

  private static Path pluginJar() throws Exception {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(Path.of("target"), "dt4j-graphsync-*.jar")) {
      found.forEach(jars::add);
    }
    jars.removeIf(jar -> jar.getFileName().toString().contains("-tests"));
    assertThat(jars).as("the packaged plugin jar").hasSize(1);
    return jars.get(0);
  }

  @Test
  void manifestDescribesThePlugin() throws Exception {
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Plugin-Id")).isEqualTo("graphsync");
      assertThat(main.getValue("Plugin-Version")).matches("\\d+\\.\\d+\\.\\d+");
      assertThat(main.getValue("Plugin-Provider")).isEqualTo("dt4j");
    }
  }

  @Test
  void jarHoldsOnlyTheGraphsyncClasses() throws Exception {
    List<String> foreign = new ArrayList<>();
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("io/dt4j/graphsync/")) {
          foreign.add(name);
        }
      }
      assertThat(jar.getEntry("io/dt4j/graphsync/engine/GraphsyncEngine.class")).isNotNull();
    }
    assertThat(foreign).isEmpty();
  }
}
