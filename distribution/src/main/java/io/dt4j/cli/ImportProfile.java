package io.dt4j.cli;

import io.dt4j.ipld.unixfs.ImportOptions;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The named starting points of {@code --profile}; individual flags override them. */
enum ImportProfile {
  /** {@code ipfs add} defaults: CIDv0, 256 KiB chunks, UnixFS leaves, 174 links. */
  KUBO("kubo", ImportOptions.KUBO),
  /** {@code ipfs-car pack --no-wrap} 3.1 defaults: CIDv1, 1 MiB chunks, raw leaves, 1024 links. */
  IPFS_CAR("ipfs-car", ImportOptions.IPFS_CAR),
  /** kubo's {@code unixfs-v1-2025} profile, for files the same values as ipfs-car's. */
  UNIXFS_V1_2025("unixfs-v1-2025", ImportOptions.IPFS_CAR);

  private final String label;
  private final ImportOptions options;

  ImportProfile(String label, ImportOptions options) {
    this.label = label;
    this.options = options;
  }

  String label() {
    return label;
  }

  ImportOptions options() {
    return options;
  }

  /** picocli converter from the profile's label. */
  static final class Converter implements ITypeConverter<ImportProfile> {
    @Override
    public ImportProfile convert(String value) {
      return Arrays.stream(values())
          .filter(p -> p.label.equals(value))
          .findFirst()
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown profile '"
                          + value
                          + "', expected one of "
                          + Arrays.stream(values())
                              .map(ImportProfile::label)
                              .collect(Collectors.joining(", "))));
    }
  }
}
