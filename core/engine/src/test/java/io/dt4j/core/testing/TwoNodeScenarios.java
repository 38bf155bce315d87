package io.dt4j.core.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The lifecycle of the hub scenarios: a fresh hub with Alice and Bob around one shared DAG. */
abstract class TwoNodeScenarios {
  /** About 320 blocks: 300 raw leaves under two levels of 16-link nodes. */
  static final TestDag DAG = TestDag.of(300);

  TwoNodes nodes;

  @BeforeEach
  void attachTwoNodes() throws Exception {
    nodes = new TwoNodes(DAG);
  }

  @AfterEach
  void closeHub() {
    nodes.close();
  }
}
