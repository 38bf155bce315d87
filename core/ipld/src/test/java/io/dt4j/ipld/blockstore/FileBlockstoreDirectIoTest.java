package io.dt4j.ipld.blockstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block store with direct I/O: the same files as buffered I/O, and a fallback where refused.
 */
class FileBlockstoreDirectIoTest {
  @TempDir Path dir;

  private static Block random(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return Block.of(Multicodec.RAW, data);
  }

  /** Sizes around the alignment, a transfer's 1 MiB leaves, and one past the direct limit. */
  private static List<Block> blocksOfAwkwardSizes(int alignment) {
    int[] sizes = {
      0,
      1,
      alignment - 1,
      alignment,
      alignment + 1,
      3 * alignment + 17,
      1 << 20,
      (1 << 20) + 3,
      DirectIo.MAX_DIRECT_BYTES,
      DirectIo.MAX_DIRECT_BYTES + 1
    };
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      blocks.add(random(sizes[i], i));
    }
    return blocks;
  }

  private FileBlockstore openDirect() throws IOException {
    FileBlockstore store = FileBlockstore.open(dir, true, false, true);
    if (!store.directIo()) {
      store.close();
      assumeTrue(false, "the file system of " + dir + " refuses O_DIRECT");
    }
    return store;
  }

  @Test
  void blocksOfEverySizeRoundTripAndAreTheFilesBufferedIoReads() throws IOException {
    List<Block> blocks;
    try (FileBlockstore store = openDirect()) {
      blocks = blocksOfAwkwardSizes(DirectIo.probe(dir.resolve("tmp")).alignment());
      for (Block block : blocks) {
        store.put(block);
      }
      for (Block block : blocks) {
        assertThat(store.get(block.cid()))
            .as("block of %d bytes", block.size())
            .hasValueSatisfying(d -> assertThat(d).isEqualTo(block.data()));
        assertThat(store.size(block.cid())).hasValue(block.size());
      }
    }
    try (FileBlockstore buffered = FileBlockstore.open(dir, true, false, false)) {
      assertThat(buffered.directIo()).isFalse();
      for (Block block : blocks) {
        assertThat(buffered.get(block.cid()))
            .as("block of %d bytes, read buffered", block.size())
            .hasValueSatisfying(d -> assertThat(d).isEqualTo(block.data()));
      }
    }
    try (Stream<Path> temps = Files.list(dir.resolve("tmp"))) {
      assertThat(temps).as("no temporary or probe file is left behind").isEmpty();
    }
  }

  @Test
  void filesWrittenBufferedAreReadDirect() throws IOException {
    List<Block> blocks = blocksOfAwkwardSizes(4096);
    try (FileBlockstore buffered = FileBlockstore.open(dir, false, false, false)) {
      for (Block block : blocks) {
        buffered.put(block);
      }
    }
    try (FileBlockstore store = openDirect()) {
      for (Block block : blocks) {
        assertThat(store.get(block.cid()))
            .hasValueSatisfying(d -> assertThat(d).isEqualTo(block.data()));
      }
    }
  }

  @Test
  void verifyOnReadDetectsACorruptedFileReadDirect() throws IOException {
    Block block = random(DirectIo.MIN_DIRECT_BYTES + 10_000, 7);
    try (FileBlockstore store = openDirect()) {
      store.put(block);
      Path file;
      try (Stream<Path> files = Files.walk(dir.resolve("blocks"))) {
        file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
      }
      byte[] bytes = Files.readAllBytes(file);
      bytes[50_000] ^= 1;
      Files.write(file, bytes);

      assertThatThrownBy(() -> store.get(block.cid()))
          .isInstanceOf(CorruptBlockException.class)
          .hasMessageContaining(file.toString());
    }
  }

  @Test
  void concurrentPutsAndGetsShareThePooledBuffersSafely() throws Exception {
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileBlockstore store = openDirect()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    // sizes differ per thread, so a pooled buffer is reused for other lengths
                    Block block =
                        random(
                            DirectIo.MIN_DIRECT_BYTES + (thread * 7919 + i * 104_729) % 300_000,
                            thread * 1000L + i);
                    store.put(block);
                    assertThat(store.get(block.cid()))
                        .hasValueSatisfying(d -> assertThat(d).isEqualTo(block.data()));
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
      try (Stream<Cid> cids = store.cids()) {
        assertThat(cids).hasSize(threads * perThread);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whereTheFileSystemRefusesDirectIoTheStoreUsesBufferedIo() throws IOException {
    Block block = random(DirectIo.MIN_DIRECT_BYTES + 5000, 3);
    try (FileBlockstore store = FileBlockstore.open(dir, true, false, tempDir -> null)) {
      assertThat(store.directIo()).isFalse();
      store.put(block);
      assertThat(store.get(block.cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo(block.data()));
    }
    try (FileBlockstore store = openDirect()) {
      assertThat(store.get(block.cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo(block.data()));
    }
  }

  @Test
  void theProbeAlignsToTheFileSystemBlockSizeAndLeavesNoFile() throws IOException {
    Path temp = Files.createDirectories(dir.resolve("probe"));
    DirectIo io = DirectIo.probe(temp);
    assumeTrue(io != null, "the file system of " + dir + " refuses O_DIRECT");
    assertThat(io.alignment()).isEqualTo(Files.getFileStore(temp).getBlockSize());
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).isEmpty();
    }
  }
}
