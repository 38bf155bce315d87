package io.dt4j.ipld.car;

import static io.dt4j.ipld.car.CarBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.InMemoryBlockstore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedCarImportTest {
  private static final Block HELLO = raw("hello");
  private static final Block WORLD = raw("world");
  private static final Block BANG = raw("!");

  @TempDir Path temp;

  @Test
  void importsEveryBlockAndReportsRootsAndCounts() throws IOException {
    Path car = temp.resolve("in.car");
    Files.write(car, CarBytes.write(List.of(HELLO.cid()), List.of(HELLO, WORLD, BANG)));
    InMemoryBlockstore store = new InMemoryBlockstore();

    CarImportResult result = VerifiedCarImport.importCar(car, store, temp);

    assertThat(result).isEqualTo(new CarImportResult(List.of(HELLO.cid()), 3, 11));
    assertThat(store.get(WORLD.cid()))
        .hasValueSatisfying(data -> assertThat(data).isEqualTo(WORLD.data()));
    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void corruptLastBlockLeavesTheStoreEmpty() throws IOException {
    Block corrupt = new Block(BANG.cid(), "?".getBytes());
    byte[] car =
        CarBytes.withRoots(HELLO.cid()).section(HELLO).section(WORLD).section(corrupt).toBytes();
    InMemoryBlockstore store = new InMemoryBlockstore();

    assertThatThrownBy(
            () -> VerifiedCarImport.importCar(new ByteArrayInputStream(car), store, temp))
        .isInstanceOf(CarFormatException.class)
        .hasMessageContaining(BANG.cid().toString());

    assertThat(store.cids()).isEmpty();
    assertThat(stagingFiles()).isEmpty();
  }

  @Test
  void truncatedCarLeavesTheStoreEmpty() throws IOException {
    byte[] whole = CarBytes.write(List.of(), List.of(HELLO, WORLD));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
    InMemoryBlockstore store = new InMemoryBlockstore();

    assertThatThrownBy(
            () -> VerifiedCarImport.importCar(new ByteArrayInputStream(cut), store, temp))
        .isInstanceOf(CarFormatException.class)
        .hasMessageContaining("truncated section");
    assertThat(store.cids()).isEmpty();
  }

  @Test
  void importsACarV2() throws IOException {
    byte[] v2 =
        CarBytes.wrapInV2(CarBytes.write(List.of(WORLD.cid()), List.of(WORLD)), 8, new byte[] {9});
    InMemoryBlockstore store = new InMemoryBlockstore();

    CarImportResult result = VerifiedCarImport.importCar(new ByteArrayInputStream(v2), store, temp);

    assertThat(result.roots()).containsExactly(WORLD.cid());
    assertThat(store.has(WORLD.cid())).isTrue();
  }

  private List<Path> stagingFiles() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.filter(file -> file.getFileName().toString().startsWith("car-import-")).toList();
    }
  }
}
