package io.dt4j.vouchers.filecoin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Cid;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposalAllowListTest {
  private static final Cid FIRST = Cid.parse(GoVectors.STORAGE_PROPOSAL);
  private static final Cid SECOND = Samples.GO_CID_VALUE;

  @TempDir Path dir;

  @Test
  void readsOneCidPerLineIgnoringBlankLinesAndComments() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("deals"), "# accepted deals\n\n  " + FIRST + "  # client A\n");
    ProposalAllowList list = new ProposalAllowList(file);

    assertThat(list.contains(FIRST)).isTrue();
    assertThat(list.contains(SECOND)).isFalse();
  }

  @Test
  void picksUpAnEditedFile() throws Exception {
    Path file = Files.writeString(dir.resolve("deals"), FIRST + "\n");
    ProposalAllowList list = new ProposalAllowList(file);
    assertThat(list.contains(SECOND)).isFalse();

    Files.writeString(file, FIRST + "\n" + SECOND + "\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    assertThat(list.contains(SECOND)).isTrue();
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    ProposalAllowList list = new ProposalAllowList(dir.resolve("missing"));

    assertThatThrownBy(() -> list.contains(FIRST))
        .isInstanceOf(DealCheckException.class)
        .hasMessageStartingWith("storage allow-list " + dir.resolve("missing") + " cannot be read");
  }

  @Test
  void aFixedFileIsUsableAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("deals"), "bafy-nonsense\n");
    ProposalAllowList list = new ProposalAllowList(file);
    assertThatThrownBy(() -> list.contains(FIRST))
        .hasMessage("storage allow-list " + file + " line 1 is not a CID: 'bafy-nonsense'");

    Files.writeString(file, FIRST + "\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    assertThat(list.contains(FIRST)).isTrue();
  }
}
