package io.dt4j.graphsync.message;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random graphsync messages covering every entry kind, for the codec's properties. */
final class Messages {
  private static final List<Node> SELECTORS =
      List.of(
          Selectors.EXPLORE_ALL,
          Selectors.MATCH_SELF,
          Node.map().put("x", Node.list(Node.of(-3), Node.of("s"), Node.NULL)).build());

  private Messages() {}

  static GraphsyncMessage random(Random random) {
    List<GraphsyncRequest> requests = new ArrayList<>();
    List<GraphsyncResponse> responses = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      requests.add(request(random));
    }
    ResponseStatusCode[] codes = ResponseStatusCode.values();
    for (int i = random.nextInt(4); i > 0; i--) {
      responses.add(
          new GraphsyncResponse(
              random.nextInt(), codes[random.nextInt(codes.length)], extensions(random)));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      byte[] data = bytes(random, 200);
      blocks.add(
          random.nextBoolean()
              ? Block.of(Multicodec.RAW, data)
              : new Block(Cid.v0(Multihash.sha256(data)), data));
    }
    return new GraphsyncMessage(requests, responses, blocks);
  }

  private static GraphsyncRequest request(Random random) {
    int id = random.nextBoolean() ? random.nextInt(100) : random.nextInt();
    return switch (random.nextInt(3)) {
      case 0 -> new CancelRequest(id);
      case 1 -> new UpdateRequest(id, extensions(random));
      default ->
          new NewRequest(
              id,
              Cid.v1(Multicodec.DAG_PB, Multihash.sha256(bytes(random, 8))),
              SELECTORS.get(random.nextInt(SELECTORS.size())),
              random.nextInt(3) - 1,
              extensions(random));
    };
  }

  private static Extensions extensions(Random random) {
    Extensions extensions = Extensions.none();
    for (int i = random.nextInt(3); i > 0; i--) {
      extensions = extensions.with("ext/" + random.nextInt(5), bytes(random, 40));
    }
    return extensions;
  }

  private static byte[] bytes(Random random, int maxLength) {
    byte[] data = new byte[random.nextInt(maxLength)];
    random.nextBytes(data);
    return data;
  }
}
