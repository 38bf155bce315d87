package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The ipfs-car profile needs more than 1024 MiB for a second level of inner nodes. Zeros keep the
 * input free to generate (the leaves are all the same block). Reference: oracle lib.mjs buildFile
 * with 1 MiB chunks, raw leaves, CIDv1, 1024 children on {@code head -c 1074790400 /dev/zero}.
 */
class GibibyteTreeTest {
  @Test
  void moreThan1024MibibytesGrowsASecondLevelUnderIpfsCarDefaults() throws IOException {
    long size = 1025L * 1_048_576;
    RecordedImport recorded =
        RecordedImport.of(ReferenceInputs.zeros(size), ImportOptions.IPFS_CAR);
    assertThat(recorded.result().root())
        .hasToString("bafybeigt7wofv4vnxbg3titijasuw4ptg5kfztec4smsk7opdt7z6djoxq");
    assertThat(recorded.result().fileSize()).isEqualTo(size);
    // 1025 leaves + one 1024-link node + one 1-link node + the root; 3 inner + 1 distinct leaf
    assertThat(recorded.result().blockCount()).isEqualTo(1028);
    assertThat(recorded.blocks()).hasSize(4);
    assertThat(recorded.orderDigest())
        .isEqualTo("898a99f25a16cb0e8c3346901a585cbdf7da5f6a3107250bb2ba0868d4d1c5c8");
  }
}
