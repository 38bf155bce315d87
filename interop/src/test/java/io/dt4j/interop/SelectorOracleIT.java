package io.dt4j.interop;

import static io.dt4j.interop.SelectorNodes.all;
import static io.dt4j.interop.SelectorNodes.edge;
import static io.dt4j.interop.SelectorNodes.index;
import static io.dt4j.interop.SelectorNodes.match;
import static io.dt4j.interop.SelectorNodes.path;
import static io.dt4j.interop.SelectorNodes.recursive;
import static io.dt4j.interop.SelectorNodes.recursiveUnlimited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.car.CarWriter;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graphsync pulls between two dt4j nodes over loopback, each with a selector, against the selector
 * engine of a published JS graphsync ({@code @dcdn/graphsync}'s {@code walkBlocks}, run by {@code
 * src/test/js/selector-oracle/walk.mjs} over a CAR of the same DAG): the responder must send, and
 * the requester receive and store, exactly the blocks the reference traversal loads, in its order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectorOracleIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final GraphsyncOptions SERVE_ALL =
      GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();

  /** 1 KiB chunks under nodes of 3 links: 40 KiB make five levels of blocks. */
  private static final Map<String, ImportOptions> LAYOUTS =
      Map.of(
          "raw-leaves-v1", new ImportOptions(1024, true, 1, 3),
          "dag-pb-leaves-v0", new ImportOptions(1024, false, 0, 3));

  private final LoopbackGraphsync network = new LoopbackGraphsync();
  private final Map<String, Dag> dags = new LinkedHashMap<>();
  private NodeTool oracle;
  private LoopbackGraphsync.Peer responder;
  private Path work;

  /** A DAG the responder serves, and its CAR for the oracle. */
  private record Dag(Cid root, Path car) {}

  @BeforeAll
  void setUp() throws Exception {
    Path js = Path.of(System.getProperty("dt4j.js.dir", "src/test/js"));
    oracle = NodeTool.installFrom(js.resolve("selector-oracle").toAbsolutePath());
    work = Path.of(System.getProperty("dt4j.work.dir", "target/interop-work")).resolve("selectors");
    Files.createDirectories(work);
    InMemoryBlockstore served = new InMemoryBlockstore();
    byte[] file = new byte[40 << 10];
    new Random(40).nextBytes(file);
    for (Map.Entry<String, ImportOptions> layout : LAYOUTS.entrySet()) {
      dags.put(layout.getKey(), importAsCar(file, layout.getValue(), served, layout.getKey()));
    }
    responder = network.peer(served, SERVE_ALL);
  }

  @AfterAll
  void tearDown() {
    network.close();
  }

  static Stream<Arguments> pulls() {
    Map<String, Node> selectors = new LinkedHashMap<>();
    for (int depth : new int[] {1, 2, 3, 4, 7, 10}) {
      selectors.put("explore-all depth " + depth, recursive(depth, all(edge())));
    }
    selectors.put(
        "Links/1/Hash/Links/0/Hash then everything",
        path(recursiveUnlimited(all(edge())), "Links", "1", "Hash", "Links", "0", "Hash"));
    selectors.put(
        "Links/0/Hash/Links/2/Hash/Links/1/Hash matched",
        path(match(), "Links", "0", "Hash", "Links", "2", "Hash", "Links", "1", "Hash"));
    selectors.put("explore-all unlimited", recursiveUnlimited(all(edge())));
    selectors.put(
        "Links index 1 then Hash then depth 4",
        path(index(1, path(recursive(4, all(edge())), "Hash")), "Links"));
    selectors.put(
        "Links index 2, which the root lacks",
        path(index(2, path(recursive(4, all(edge())), "Hash")), "Links"));
    List<Arguments> pulls = new ArrayList<>();
    for (String layout : LAYOUTS.keySet()) {
      selectors.forEach((name, selector) -> pulls.add(Arguments.of(layout, name, selector)));
    }
    return pulls.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pulls")
  void pullTransfersExactlyTheBlocksOfTheReferenceTraversalInItsOrder(
      String layout, String name, Node selector) throws Exception {
    Dag dag = dags.get(layout);
    List<Cid> expected = referenceTraversal(dag, selector, name);
    assertThat(expected).as("reference traversal of %s", name).isNotEmpty();
    assertThat(expected.get(0)).isEqualTo(dag.root());

    LoopbackGraphsync.Peer requester = network.peer(new InMemoryBlockstore(), SERVE_ALL);
    List<Cid> sent = Collections.synchronizedList(new ArrayList<>());
    responder
        .graphsync()
        .hooks()
        .onBlockSent(
            (peer, request, block) -> {
              if (peer.equals(requester.host().peerId())) {
                sent.add(block.link());
              }
            });
    List<Cid> received = Collections.synchronizedList(new ArrayList<>());
    RequestListener listener =
        new RequestListener() {
          @Override
          public void blockReceived(BlockData block) {
            received.add(block.link());
          }
        };
    RequestHandle handle =
        requester
            .graphsync()
            .request(responder.host().peerId(), dag.root(), selector, Extensions.none(), listener);
    RequestResult result =
        handle.result().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(received).as("blocks received, in order").containsExactlyElementsOf(expected);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(sent).as("blocks sent, in order").isEqualTo(expected));
    try (Stream<Cid> stored = requester.store().cids()) {
      assertThat(stored).as("requester's store").containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** What {@code walk.mjs} lists for the DAG's CAR and the selector (DAG-CBOR in a file). */
  private List<Cid> referenceTraversal(Dag dag, Node selector, String name) throws IOException {
    Path file = work.resolve(Integer.toHexString(name.hashCode()) + ".selector.cbor");
    Files.write(file, DagCbor.encode(selector));
    NodeTool.Run run = oracle.node(TIMEOUT, "walk.mjs", dag.car().toString(), file.toString());
    assertThat(run.exitCode()).as("walk.mjs exit code; stderr: %s", run.err()).isZero();
    return run.outLines().stream().map(Cid::parse).toList();
  }

  /** Imports the file into {@code served} and writes every block the importer made as a CAR. */
  private Dag importAsCar(
      byte[] file, ImportOptions options, InMemoryBlockstore served, String name)
      throws IOException {
    List<Block> blocks = new ArrayList<>();
    Cid root =
        UnixFsImporter.importFile(new ByteArrayInputStream(file), options, blocks::add).root();
    Path car = work.resolve(name + ".car");
    try (OutputStream out = Files.newOutputStream(car);
        CarWriter writer = new CarWriter(out, List.of(root))) {
      for (Block block : blocks) {
        served.put(block);
        writer.put(block);
      }
    }
    return new Dag(root, car);
  }
}
