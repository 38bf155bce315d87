package io.dt4j.ipld;

final class Probe {
  private Probe() {}
}
