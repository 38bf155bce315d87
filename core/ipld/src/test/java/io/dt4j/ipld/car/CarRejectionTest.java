package io.dt4j.ipld.car;

import static io.dt4j.ipld.car.CarBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Varint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One scenario per way a CAR can be broken; each checks the byte offset in the message. */
class CarRejectionTest {
  private static final Block HELLO = raw("hello");
  private static final Block WORLD = raw("world");

  private static CarBytes twoBlocks() {
    return CarBytes.withRoots(HELLO.cid()).section(HELLO);
  }

  private static int afterHello() {
    return twoBlocks().length();
  }

  @Test
  void badVarintForASectionLengthNamesItsOffset() {
    byte[] car = twoBlocks().raw(new byte[] {(byte) 0x85, 0x00}).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .isInstanceOf(CarFormatException.class)
        .hasMessage(
            "CAR byte offset "
                + afterHello()
                + ": bad varint for the section length: not minimally encoded")
        .satisfies(e -> assertThat(((CarFormatException) e).offset()).isEqualTo(afterHello()));
  }

  @Test
  void varintCutByTheEndOfTheFileIsTruncated() {
    byte[] car = twoBlocks().raw(new byte[] {(byte) 0x85}).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .hasMessage(
            "CAR byte offset " + afterHello() + ": truncated varint for the section length");
  }

  @Test
  void sectionCutByTheEndOfTheFileIsTruncated() {
    byte[] whole = twoBlocks().section(WORLD).toBytes();
    byte[] car = Arrays.copyOf(whole, whole.length - 2);

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .isInstanceOf(CarFormatException.class)
        .hasMessage(
            "CAR byte offset "
                + afterHello()
                + ": truncated section: length 41 but only 39 bytes follow");
  }

  @Test
  void sectionLongerThanTheLimitIsRejectedBeforeReadingIt() throws IOException {
    Block big = Block.of(Multicodec.RAW, new byte[2000]);
    byte[] car = twoBlocks().section(big).toBytes();

    try (CarReader reader =
        CarReader.open(new ByteArrayInputStream(car), new CarReader.Options(true, 1024))) {
      assertThat(reader.next()).contains(HELLO);
      assertThatThrownBy(reader::next)
          .isInstanceOf(CarFormatException.class)
          .hasMessage(
              "CAR byte offset " + afterHello() + ": section length 2036 is over the limit 1024");
    }
  }

  @Test
  void hugeDeclaredSectionLengthIsRejectedWithoutAllocating() {
    byte[] car = twoBlocks().raw(Varint.encode(Long.MAX_VALUE)).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .hasMessageContaining("offset " + afterHello())
        .hasMessageContaining("over the limit 4194304");
  }

  @Test
  void blockWhoseBytesDoNotMatchItsCidIsNamed() {
    Block forged = new Block(WORLD.cid(), "w0rld".getBytes());
    byte[] car = twoBlocks().section(forged).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .isInstanceOf(CarFormatException.class)
        .hasMessageStartingWith(
            "CAR byte offset "
                + afterHello()
                + ": block bytes do not hash to their CID "
                + WORLD.cid());
  }

  @Test
  void sectionWithAnUnparsableCidIsRejected() {
    byte[] car = twoBlocks().frame(new byte[] {0x02, 0x55, 0x12, 0x20}).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .hasMessageStartingWith("CAR byte offset " + afterHello() + ": bad CID in section");
  }

  @Test
  void zeroBytesAfterTheLastBlockAreTrailingGarbage() {
    byte[] car = twoBlocks().raw(new byte[8]).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .isInstanceOf(CarFormatException.class)
        .hasMessageStartingWith(
            "CAR byte offset " + afterHello() + ": trailing garbage: zero-length section");
  }

  @Test
  void headerWithoutRootsIsRejected() {
    byte[] car = new CarBytes().frame(header(Node.map().put("version", Node.of(1)))).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .isInstanceOf(CarFormatException.class)
        .hasMessage("CAR byte offset 0: bad header: CAR header has no \"roots\" list");
  }

  @Test
  void headerWithoutVersionIsRejected() {
    byte[] car = new CarBytes().frame(header(Node.map().put("roots", Node.list()))).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .hasMessage("CAR byte offset 0: bad header: CAR header has no integer \"version\"");
  }

  @Test
  void headerWithVersionThreeIsRejected() {
    byte[] car =
        new CarBytes()
            .frame(header(Node.map().put("roots", Node.list()).put("version", Node.of(3))))
            .toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .hasMessageContaining("offset 0: bad header: CAR header version is 3");
  }

  @Test
  void headerThatIsNotCborOrNotAMapIsRejected() {
    byte[] notCbor = new CarBytes().frame(new byte[] {(byte) 0xff}).toBytes();
    byte[] notMap = new CarBytes().frame(DagCbor.encode(Node.list())).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(notCbor))
        .hasMessageStartingWith("CAR byte offset 0: bad header");
    assertThatThrownBy(() -> CarBytes.readAll(notMap))
        .hasMessage("CAR byte offset 0: bad header: CAR header is not a DAG-CBOR map");
  }

  @Test
  void headerOverOneMebibyteOrEmptyInputIsRejected() {
    byte[] huge = new CarBytes().raw(Varint.encode(CarReader.MAX_HEADER_LENGTH + 1)).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(huge))
        .hasMessage("CAR byte offset 0: bad header: length 1048577 is not in 1..1048576");
    assertThatThrownBy(() -> CarBytes.readAll(new byte[0]))
        .hasMessage("CAR byte offset 0: bad header: input ends before the CAR header");
  }

  @Test
  void blockWithAHashDt4jCannotComputeFailsVerificationLoudly() {
    Cid blake = Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.BLAKE2B_256, new byte[32]));
    byte[] car = twoBlocks().section(new Block(blake, new byte[] {1})).toBytes();

    assertThatThrownBy(() -> CarBytes.readAll(car))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("at CAR byte offset " + afterHello())
        .hasMessageContaining("blake2b-256");
  }

  private static byte[] header(Node.MapBuilder map) {
    return DagCbor.encodeCanonical(map.build());
  }
}
