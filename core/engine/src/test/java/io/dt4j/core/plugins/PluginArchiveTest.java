package io.dt4j.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchiveTest {
  @TempDir Path dir;

  @Test
  void jarWithPluginIdInItsManifestIsAccepted() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Plugin-Id"), "good");
    Path jar = dir.resolve("good.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new ZipEntry("a.txt"));
      out.closeEntry();
    }

    assertThat(PluginArchive.problem(jar)).isEmpty();
  }

  @Test
  void fileThatIsNotAZipIsNamedAsSuch() throws IOException {
    Path jar = Files.writeString(dir.resolve("text.jar"), "hello");
    Path zip = Files.writeString(dir.resolve("text.zip"), "hello");

    assertThat(PluginArchive.problem(jar))
        .hasValueSatisfying(p -> assertThat(p).startsWith("not a valid jar file"));
    assertThat(PluginArchive.problem(zip))
        .hasValueSatisfying(p -> assertThat(p).startsWith("not a valid zip file"));
  }

  @Test
  void jarWithoutDescriptorIsNamedAsSuch() throws IOException {
    Path jar = zipWith(dir.resolve("plain.jar"), "a.txt");

    assertThat(PluginArchive.problem(jar))
        .hasValue(
            "no plugin descriptor: the jar's manifest has no Plugin-Id and it has no plugin.properties");
  }

  @Test
  void zipWhoseEntriesEscapeItsFolderIsRefusedBeforeExpansion() throws IOException {
    Path zip = zipWith(dir.resolve("evil.zip"), "plugin.properties", "../../outside.txt");

    assertThat(PluginArchive.problem(zip))
        .hasValueSatisfying(p -> assertThat(p).contains("unsafe entry '../../outside.txt'"));
  }

  @Test
  void otherFilesAndFoldersAreLeftToPf4j() throws IOException {
    assertThat(PluginArchive.problem(Files.writeString(dir.resolve("README"), "x"))).isEmpty();
    assertThat(PluginArchive.problem(Files.createDirectory(dir.resolve("unpacked")))).isEmpty();
  }

  private static Path zipWith(Path file, String... entries) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (String entry : entries) {
        out.putNextEntry(new ZipEntry(entry));
        out.write('x');
        out.closeEntry();
      }
    }
    return file;
  }
}
