package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import whose blocks were recorded in sink order, de-duplicated by CID like the oracle's
 * recording blockstore, plus the digests the oracle prints for comparison.
 *
 * @param result what the importer returned
 * @param blocks distinct blocks in the order they first reached the sink
 * @param store all blocks, for exporting
 */
record RecordedImport(ImportResult result, List<Block> blocks, InMemoryBlockstore store) {
  static RecordedImport of(InputStream in, ImportOptions options) throws IOException {
    Map<Cid, Block> seen = new LinkedHashMap<>();
    InMemoryBlockstore store = new InMemoryBlockstore();
    ImportResult result =
        UnixFsImporter.importFile(
            in,
            options,
            block -> {
              seen.putIfAbsent(block.cid(), block);
              store.put(block);
            });
    return new RecordedImport(result, List.copyOf(seen.values()), store);
  }

  static RecordedImport of(byte[] content, ImportOptions options) throws IOException {
    return of(new ByteArrayInputStream(content), options);
  }

  /** sha256 over the lines {@code "CID LEN\n"} in sink order, as the oracle's mine.mjs prints. */
  String orderDigest() {
    return digestOf(lines());
  }

  /** The same over the lines sorted, for comparing block sets whatever the order. */
  String setDigest() {
    List<String> lines = lines();
    lines.sort(null);
    return digestOf(lines);
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Block block : blocks) {
      lines.add(block.cid() + " " + block.data().length + "\n");
    }
    return lines;
  }

  private static String digestOf(List<String> lines) {
    MessageDigest digest = sha256();
    for (String line : lines) {
      digest.update(line.getBytes(StandardCharsets.US_ASCII));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
