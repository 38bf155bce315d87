package io.dt4j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PseudoRandomBytesTest {

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
    byte[] first = new PseudoRandomBytes(10_000, 1).readAllBytes();
    byte[] again = new PseudoRandomBytes(10_000, 1).readAllBytes();
    byte[] other = new PseudoRandomBytes(10_000, 2).readAllBytes();

    assertThat(first).hasSize(10_000).isEqualTo(again).isNotEqualTo(other);
  }

  @Test
  void readingInOddPiecesGivesTheSameBytesAsReadingOneByOne() throws IOException {
    byte[] oneByOne = new byte[1_003];
    try (InputStream in = new PseudoRandomBytes(oneByOne.length, 7)) {
      for (int i = 0; i < oneByOne.length; i++) {
        oneByOne[i] = (byte) in.read();
      }
      assertThat(in.read()).isEqualTo(-1);
    }

    ByteArrayOutputStream pieces = new ByteArrayOutputStream();
    try (InputStream in = new PseudoRandomBytes(oneByOne.length, 7)) {
      byte[] buffer = new byte[64];
      int piece = 1;
      for (int n = in.read(buffer, 3, piece); n > 0; n = in.read(buffer, 3, piece)) {
        pieces.write(buffer, 3, n);
        piece = piece % 29 + 1;
      }
    }

    assertThat(pieces.toByteArray()).isEqualTo(oneByOne);
  }

  @Test
  void anEmptyStreamEndsAtOnce() throws IOException {
    assertThat(new PseudoRandomBytes(0, 1).read(new byte[8], 0, 8)).isEqualTo(-1);
  }
}
