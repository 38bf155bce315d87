package io.dt4j.ipld.blockstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlockstoreTest {
  private static final Block HELLO = raw("hello");
  private static final Block WORLD = raw("world");

  @TempDir Path dir;

  private static Block raw(String text) {
    return Block.of(Multicodec.RAW, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void putGetHasSizeDeleteAndList() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, false)) {
      store.put(HELLO);
      store.put(WORLD);
      store.put(HELLO);

      assertThat(store.has(HELLO.cid())).isTrue();
      assertThat(store.get(HELLO.cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo(HELLO.data()));
      assertThat(store.size(WORLD.cid())).hasValue(5);
      assertThat(cids(store)).containsExactlyInAnyOrder(HELLO.cid(), WORLD.cid());

      assertThat(store.delete(HELLO.cid())).isTrue();
      assertThat(store.delete(HELLO.cid())).isFalse();
      assertThat(store.has(HELLO.cid())).isFalse();
      assertThat(store.get(HELLO.cid())).isEmpty();
      assertThat(store.size(HELLO.cid())).isEmpty();
      assertThat(cids(store)).containsExactly(WORLD.cid());
    }
  }

  @Test
  void blocksSurviveReopenWithTheirExactCids() throws IOException {
    Block dagPbV0 = new Block(Cid.v0(Multihash.sha256(new byte[] {8, 2})), new byte[] {8, 2});
    Block dagCbor = Block.of(Multicodec.DAG_CBOR, new byte[] {(byte) 0xa0});
    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      store.put(HELLO);
      store.put(dagPbV0);
      store.put(dagCbor);
    }
    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      assertThat(cids(store)).containsExactlyInAnyOrder(HELLO.cid(), dagPbV0.cid(), dagCbor.cid());
      assertThat(store.get(dagPbV0.cid()))
          .hasValueSatisfying(d -> assertThat(d).containsExactly(8, 2));
    }
  }

  @Test
  void withoutFsyncBlocksAreStillWholeAndSurviveReopen() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, true, false)) {
      store.put(HELLO);
      store.put(WORLD);
      assertThat(store.get(HELLO.cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo(HELLO.data()));
    }
    try (FileBlockstore store = FileBlockstore.open(dir, true, false)) {
      assertThat(cids(store)).containsExactlyInAnyOrder(HELLO.cid(), WORLD.cid());
      assertThat(store.get(WORLD.cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo(WORLD.data()));
      assertThat(store.delete(WORLD.cid())).isTrue();
    }
    try (DirectoryStream<Path> temp = Files.newDirectoryStream(dir.resolve("tmp"))) {
      assertThat(temp).as("no temporary file is left behind").isEmpty();
    }
  }

  @Test
  void sameMultihashUnderAnotherCidIsStoredOnceAndFoundByEither() throws IOException {
    Block v0 = new Block(Cid.v0(Multihash.sha256(new byte[] {8, 2})), new byte[] {8, 2});
    Block v1 = new Block(v0.cid().toV1(), new byte[] {8, 2});
    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      store.put(v0);
      store.put(v1);

      assertThat(store.has(v1.cid())).isTrue();
      assertThat(store.get(v1.cid())).hasValueSatisfying(d -> assertThat(d).containsExactly(8, 2));
      assertThat(store.size(v1.cid())).hasValue(2);
      assertThat(cids(store)).containsExactly(v0.cid());
      assertThat(blockFiles()).hasSize(1);

      assertThat(store.delete(v1.cid())).isTrue();
      assertThat(store.has(v0.cid())).isFalse();
    }
  }

  @Test
  void putRefusesABlockWhoseBytesDoNotMatchItsCid() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, false)) {
      assertThatThrownBy(() -> store.put(new Block(HELLO.cid(), "jello".getBytes())))
          .isInstanceOf(MalformedIpldException.class);
      assertThat(store.has(HELLO.cid())).isFalse();
      assertThat(blockFiles()).isEmpty();
    }
  }

  @Test
  void verifyOnReadDetectsAFileCorruptedOnDisk() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      store.put(HELLO);
      Path file = blockFiles().get(0);
      Files.write(file, "jello".getBytes());

      assertThatThrownBy(() -> store.get(HELLO.cid()))
          .isInstanceOf(CorruptBlockException.class)
          .hasMessageContaining(HELLO.cid().toString())
          .hasMessageContaining(file.toString())
          .satisfies(e -> assertThat(((CorruptBlockException) e).file()).isEqualTo(file));
    }
    try (FileBlockstore unverified = FileBlockstore.open(dir, false)) {
      assertThat(unverified.get(HELLO.cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo("jello".getBytes()));
    }
  }

  @Test
  void leftoverTempFileFromACrashIsIgnoredAndRemovedAtOpen() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      store.put(WORLD);
    }
    Path torn = dir.resolve("tmp").resolve("put-123.tmp");
    Files.write(torn, "hel".getBytes());

    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      assertThat(torn).doesNotExist();
      assertThat(store.has(HELLO.cid())).isFalse();
      assertThat(cids(store)).containsExactly(WORLD.cid());
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, false)) {
      assertThatThrownBy(() -> FileBlockstore.open(dir, false))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void concurrentPutsOfSameAndDifferentBlocksAllLand() throws Exception {
    int threads = 4;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileBlockstore store = FileBlockstore.open(dir, true)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    store.put(raw("block " + thread + "/" + i));
                    store.put(raw("shared " + i));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
      assertThat(cids(store)).hasSize(threads * perThread + perThread);
      assertThat(store.get(raw("shared 7").cid()))
          .hasValueSatisfying(d -> assertThat(d).isEqualTo("shared 7".getBytes()));
      try (Stream<Path> temps = Files.list(dir.resolve("tmp"))) {
        assertThat(temps).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void filesAreShardedByTheNextToLastTwoCharactersOfTheMultihashKey() throws IOException {
    try (FileBlockstore store = FileBlockstore.open(dir, false)) {
      store.put(HELLO);
    }
    String key = io.dt4j.ipld.Multibase.BASE32.encodeRaw(HELLO.cid().multihash().toBytes());
    Path expected =
        dir.resolve("blocks")
            .resolve(key.substring(key.length() - 3, key.length() - 1))
            .resolve(key + ".v1-55");
    assertThat(blockFiles()).containsExactly(expected);
  }

  private static List<Cid> cids(FileBlockstore store) {
    try (Stream<Cid> cids = store.cids()) {
      return cids.toList();
    }
  }

  private List<Path> blockFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("blocks"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
