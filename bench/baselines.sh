#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Baseline training time and evaluation throughput: leave-last-out, full ranking at K = 10, for random, pop,
# trending, segment-pop, item-knn and user-knn on Amazon Sports (the shared data folder) and on a generated
# sample shop (default 100,000 items, 1,000,000 customers, about 10 million events). Prints a Markdown table.
#   bench/baselines.sh                                          # everything (long: hours on 2 busy cores)
#   bench/baselines.sh --datasets amazon-sports                 # minutes
#   bench/baselines.sh --datasets shop --customers 100000       # a 1M-event shop
#   bench/baselines.sh --datasets shop --max-users 50000        # score a deterministic sample of test users
# Options: --datasets LIST (dataset names and/or 'shop') --models LIST --items N --customers M
#          --sessions S (mean sessions per customer) --max-users N (0 = all) --threads N (0 = all)
# Heap: TAILOR_BENCH_XMX (default 8g). Data folder: TAILOR_DATA_DIR (default ../shared/data).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -Pbench -DskipTests package -pl bench -am >&2
exec java -Xmx"${TAILOR_BENCH_XMX:-8g}" -XX:+UseParallelGC -Dtailor.data.dir="${TAILOR_DATA_DIR:-$root/../shared/data}" \
  -cp bench/target/tailor-bench.jar dev.tailor.bench.BaselinesBench "$@"
