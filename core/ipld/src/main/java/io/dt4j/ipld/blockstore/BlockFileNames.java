package io.dt4j.ipld.blockstore;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multibase;
import io.dt4j.ipld.Multihash;
import java.util.Optional;

/**
 * The file naming of {@link FileBlockstore}: {@code <shard>/<mh>.<cid-kind>}, where {@code mh} is
 * the unpadded lower-case base32 of the binary multihash, {@code shard} its next-to-last two
 * characters (go-ds-flatfs {@code next-to-last/2}), and {@code cid-kind} is {@code v0} or {@code
 * v1-<codec in hex>}, so the exact CID can be rebuilt from the name.
 */
final class BlockFileNames {
  /** Leaves room under the usual 255-byte file name limit for the kind suffix. */
  static final int MAX_MULTIHASH_KEY_LENGTH = 230;

  private static final String V0 = "v0";
  private static final String V1_PREFIX = "v1-";

  private BlockFileNames() {}

  /** The base32 key of the CID's multihash. */
  static String multihashKey(Cid cid) {
    return Multibase.BASE32.encodeRaw(cid.multihash().toBytes());
  }

  /** The shard directory name of a multihash key: its next-to-last two characters. */
  static String shard(String multihashKey) {
    int length = multihashKey.length();
    return multihashKey.substring(length - 3, length - 1);
  }

  /** The file name for a CID: multihash key, a dot, the CID version and codec. */
  static String fileName(Cid cid) {
    String kind = cid.version() == 0 ? V0 : V1_PREFIX + Long.toHexString(cid.codec());
    return multihashKey(cid) + "." + kind;
  }

  /** Rebuilds the CID from a file name, or empty if the name is not one of ours. */
  static Optional<Cid> parse(String fileName) {
    int dot = fileName.indexOf('.');
    if (dot < 3) {
      return Optional.empty();
    }
    String kind = fileName.substring(dot + 1);
    try {
      Multihash multihash =
          Multihash.fromBytes(Multibase.BASE32.decodeRaw(fileName.substring(0, dot)));
      if (kind.equals(V0)) {
        return Optional.of(Cid.v0(multihash));
      } else if (kind.startsWith(V1_PREFIX)) {
        long codec = Long.parseLong(kind.substring(V1_PREFIX.length()), 16);
        return Optional.of(Cid.v1(codec, multihash));
      }
      return Optional.empty();
    } catch (MalformedIpldException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
