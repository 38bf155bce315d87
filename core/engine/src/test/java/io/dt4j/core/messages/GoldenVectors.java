package io.dt4j.core.messages;

import io.dt4j.testing.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;

/** The golden data-transfer messages of {@code shared/spec/vectors/data-transfer.tsv}. */
final class GoldenVectors {
  /** One vector: id, protocol version, bytes, description. */
  record Vector(String id, ProtocolVersion version, byte[] bytes, String description) {
    @Override
    public String toString() {
      return id + " (" + version + ")";
    }
  }

  private GoldenVectors() {}

  static List<Vector> all() {
    try {
      return Files.readAllLines(SpecDocument.sharedDir().resolve("spec/vectors/data-transfer.tsv"))
          .stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", 4))
          .map(
              f ->
                  new Vector(
                      f[0],
                      ProtocolVersion.parse(f[1]),
                      HexFormat.of().parseHex(f[2].strip()),
                      f[3]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the golden vectors", e);
    }
  }
}
