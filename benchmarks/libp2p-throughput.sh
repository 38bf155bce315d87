#!/usr/bin/env bash
# libp2p single-stream throughput, dt4j and js-libp2p, in one run and one table (issue 5):
# dt4j->dt4j on JDK 17 and JDK 25, js->js, dt4j->js and js->dt4j, on yamux and mplex, both
# directions, between separate processes over 127.0.0.1. Every cell gets the same warm-up bytes,
# then the rounds run interleaved; the table shows medians and the dt4j/js ratios.
#
# usage: benchmarks/libp2p-throughput.sh [ThroughputRun options]
#   e.g. --bytes 536870912 --rounds 3 --muxers yamux --jvm-option -Xmx1g
#   (see io.dt4j.benchmarks.libp2p.ThroughputRun; defaults: 1 GiB per transfer, 3 warm-up rounds, 5 measured rounds)
# environment:
#   JDK17, JDK25     the two JDKs (defaults: /usr/lib/jvm/java-17-openjdk-amd64,
#                    /usr/lib/jvm/temurin-25-jdk-amd64); a missing one is left out
#   DT4J_SHARED      the shared folder holding interop/js-peer (default: the first ../shared up)
#   SKIP_BUILD=1     reuse benchmarks/target/benchmarks.jar
# The js peer is copied to benchmarks/target/node/js-peer and installed there with `npm ci` from its
# lock file (the shared folder is never written to). Output: benchmarks/target/libp2p-throughput/
# (report.txt, one stderr log per process).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=benchmarks/target/libp2p-throughput

. benchmarks/node-deps.sh
find_shared
if [ ! -f "$shared/interop/js-peer/peer.mjs" ]; then
  echo "libp2p-throughput: no js peer at $shared/interop/js-peer (set DT4J_SHARED)" >&2
  exit 1
fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== building benchmarks/target/benchmarks.jar" >&2
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

peer=$(install_node_copy "$shared/interop/js-peer")
cp benchmarks/src/main/js/bench-dialer.mjs "$peer"/

javas=()
[ -x "$JDK17/bin/java" ] && javas+=(--java "17=$JDK17")
[ -x "$JDK25/bin/java" ] && javas+=(--java "25=$JDK25")
if [ ${#javas[@]} -eq 0 ]; then
  echo "libp2p-throughput: neither JDK17=$JDK17 nor JDK25=$JDK25 has bin/java" >&2
  exit 1
fi

mkdir -p "$OUT"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -cp benchmarks/target/benchmarks.jar io.dt4j.benchmarks.libp2p.ThroughputRun \
  "${javas[@]}" --js-peer "$peer" --log-dir "$OUT" "$@" | tee "$OUT/report.txt"
