package io.dt4j.ipld.car;

import io.dt4j.ipld.Cid;
import java.util.List;

/**
 * What {@link VerifiedCarImport} stored.
 *
 * @param roots the roots named in the CAR header
 * @param blockCount how many sections the CAR held (each was put, duplicates included)
 * @param dataBytes the sum of the block lengths, CIDs not counted
 */
public record CarImportResult(List<Cid> roots, long blockCount, long dataBytes) {
  /**
   * Copies the roots.
   *
   * @param roots the roots
   * @param blockCount the block count
   * @param dataBytes the block bytes
   */
  public CarImportResult {
    roots = List.copyOf(roots);
  }
}
