#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Import throughput and memory: generates the sample shop as CSV (default 100,000 items, 1,000,000 customers,
# about 10 million events), imports it into H2 and PostgreSQL, builds training snapshots, prints a table.
# PostgreSQL is the server at TAILOR_PG_URL when set, otherwise an embedded one (zonky binaries).
#   bench/import-throughput.sh                      # the full 10M-event run (~15-30 minutes on 2 cores)
#   bench/import-throughput.sh --customers 100000   # a quicker 1M-event run
# Options: --items N --customers M --sessions S (mean sessions per customer) --stores h2,postgresql
# Heap: TAILOR_BENCH_XMX (default 2g) bounds the whole run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -Pbench -DskipTests package -pl bench -am >&2
exec java -Xmx"${TAILOR_BENCH_XMX:-2g}" -XX:+UseParallelGC -cp bench/target/tailor-bench.jar \
  dev.tailor.bench.ImportBench --work bench/out/import "$@"
