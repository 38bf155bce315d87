package io.dt4j.ipld.car;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CARs written by the JS tools (see src/test/resources/car/README.md). */
class JsToolCarTest {
  @ParameterizedTest
  @ValueSource(strings = {"unixfs-20000-raw-leaves-v1", "unixfs-20000-v0"})
  void readsTheSameHeaderAndBlocksAsTheJsListingAndRewritesByteForByte(String name)
      throws IOException {
    byte[] car = resource(name + ".car");
    List<String> listing = new ArrayList<>();
    List<Cid> roots;
    List<Block> blocks;
    try (CarReader reader = CarReader.open(new ByteArrayInputStream(car))) {
      roots = reader.header().roots();
      blocks = CarBytes.drain(reader);
    }
    listing.add("version 1");
    roots.forEach(root -> listing.add("root " + root));
    blocks.forEach(block -> listing.add("block " + block.cid() + " " + block.data().length));

    String expected = new String(resource(name + ".ls"), StandardCharsets.US_ASCII);
    assertThat(listing).containsExactlyElementsOf(expected.lines().toList());
    assertThat(CarBytes.write(roots, blocks)).isEqualTo(car);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = JsToolCarTest.class.getResourceAsStream("/car/" + name)) {
      assertThat(in).as("test resource /car/" + name).isNotNull();
      return in.readAllBytes();
    }
  }
}
