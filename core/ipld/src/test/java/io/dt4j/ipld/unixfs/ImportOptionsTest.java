package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportOptionsTest {
  @Test
  void profilesHaveTheDocumentedDefaults() {
    assertThat(ImportOptions.KUBO).isEqualTo(new ImportOptions(262_144, false, 0, 174));
    assertThat(ImportOptions.IPFS_CAR).isEqualTo(new ImportOptions(1_048_576, true, 1, 1024));
  }

  @Test
  void outOfRangeValuesAreRejectedWithTheirName() {
    assertThatThrownBy(() -> new ImportOptions(0, true, 1, 174)).hasMessageContaining("chunkSize");
    assertThatThrownBy(() -> new ImportOptions(1_048_577, true, 1, 174))
        .hasMessageContaining("chunkSize");
    assertThatThrownBy(() -> new ImportOptions(1024, true, 2, 174))
        .hasMessageContaining("cidVersion");
    assertThatThrownBy(() -> new ImportOptions(1024, true, -1, 174))
        .hasMessageContaining("cidVersion");
    assertThatThrownBy(() -> new ImportOptions(1024, true, 1, 1)).hasMessageContaining("maxLinks");
    assertThatThrownBy(() -> new ImportOptions(1024, true, 1, 8193))
        .hasMessageContaining("maxLinks");
  }

  @Test
  void edgesOfTheRangesAreAccepted() {
    new ImportOptions(1, false, 0, 2);
    new ImportOptions(ImportOptions.MAX_CHUNK_SIZE, true, 1, ImportOptions.MAX_LINKS);
  }
}
