package io.dt4j.ipld.car;

import static io.dt4j.ipld.car.CarBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarV2ReadTest {
  private static final Block HELLO = raw("hello");
  private static final Block WORLD = raw("world");

  /** Looks like sections if a reader ran past the payload: must never be read. */
  private static final byte[] DUMMY_INDEX = {(byte) 0x80, 0x08, 0x01, 0x02, 0x03, 0x04, 0x05};

  @Test
  void readsTheInnerPayloadAndIgnoresPaddingAndIndex() throws IOException {
    byte[] v1 = CarBytes.withRoots(HELLO.cid()).section(HELLO).section(WORLD).toBytes();
    byte[] v2 = CarBytes.wrapInV2(v1, 13, DUMMY_INDEX);

    try (CarReader reader = CarReader.open(new ByteArrayInputStream(v2))) {
      assertThat(reader.carVersion()).isEqualTo(2);
      assertThat(reader.header().roots()).containsExactly(HELLO.cid());
      assertThat(CarBytes.drain(reader)).containsExactly(HELLO, WORLD);
      assertThat(reader.offset()).isEqualTo(11 + 40 + 13 + v1.length);
    }
  }

  @Test
  void payloadRightAfterTheHeaderWithNoPadding() throws IOException {
    byte[] v1 = CarBytes.withRoots().section(WORLD).toBytes();

    assertThat(CarBytes.readAll(CarBytes.wrapInV2(v1, 0, new byte[0]))).containsExactly(WORLD);
  }

  @Test
  void fileCutBeforeTheEndOfThePayloadIsRejectedAtTheCut() {
    byte[] v1 = CarBytes.withRoots().section(HELLO).toBytes();
    byte[] v2 = CarBytes.wrapInV2(v1, 0, new byte[0]);
    byte[] cut = Arrays.copyOf(v2, v2.length - 3 - 10);

    assertThatThrownBy(() -> CarBytes.readAll(cut))
        .isInstanceOf(CarFormatException.class)
        .hasMessageContaining("offset " + (51 + v1.length - (HELLO.data().length + 36 + 1)))
        .hasMessageContaining("truncated section");
  }

  @Test
  void payloadSizeEndingMidSectionIsATruncatedSection() throws IOException {
    byte[] v1 = CarBytes.withRoots().section(HELLO).section(WORLD).toBytes();
    byte[] v2 = CarBytes.wrapInV2(v1, 0, DUMMY_INDEX);
    v2[11 + 16 + 8] -= 2; // data size two bytes short
    long worldSection = 51 + v1.length - (1 + 36 + WORLD.data().length);

    try (CarReader reader = CarReader.open(new ByteArrayInputStream(v2))) {
      assertThat(reader.next()).contains(HELLO);
      assertThatThrownBy(reader::next)
          .isInstanceOf(CarFormatException.class)
          .hasMessageContaining("offset " + worldSection + ": truncated section");
    }
  }

  @Test
  void dataOffsetInsideTheV2HeaderIsRejected() {
    byte[] v1 = CarBytes.withRoots().toBytes();
    byte[] v2 = CarBytes.wrapInV2(v1, 0, new byte[0]);
    v2[11 + 16] = 20;

    assertThatThrownBy(() -> CarBytes.readAll(v2))
        .isInstanceOf(CarFormatException.class)
        .hasMessage("CAR byte offset 11: bad CARv2 header: data offset 20, data size " + v1.length);
  }

  @Test
  void innerHeaderMustBeVersionOne() {
    byte[] pragma = {0x0a, (byte) 0xa1, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x02};
    byte[] v2 = CarBytes.wrapInV2(pragma, 0, new byte[0]);

    assertThatThrownBy(() -> CarBytes.readAll(v2))
        .isInstanceOf(CarFormatException.class)
        .hasMessageContaining("offset 51: bad header: CAR header version is 2");
  }

  @Test
  void roundTripThroughV2GivesTheSameBlocksAsTheV1() throws IOException {
    List<Block> blocks = List.of(HELLO, WORLD);
    byte[] v1 = CarBytes.write(List.of(WORLD.cid()), blocks);

    assertThat(CarBytes.readAll(CarBytes.wrapInV2(v1, 5, DUMMY_INDEX))).isEqualTo(blocks);
  }
}
