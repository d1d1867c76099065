#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Tailor's ALS against Apache Spark MLlib's ALS (local[*], implicit preferences) on the same training split, in
# one run, scored by Tailor's evaluator; EASE and BPR timed and scored on the same split. Prints a Markdown table:
# training seconds (wall, CPU), seconds per iteration, peak heap, NDCG@10, Recall@10, and the speed ratio.
#   bench/als-vs-spark.sh                                        # Amazon Sports + a ~5M-event sample shop
#   bench/als-vs-spark.sh --datasets amazon-sports               # minutes
#   bench/als-vs-spark.sh --datasets shop --customers 50000      # a small shop, for a smoke test
# Options: --datasets LIST (dataset names and/or 'shop') --items N --customers M --sessions S
#          --rank 64 --iterations 15 --reg R (Tailor) --spark-reg R (Spark's regParam; default: --reg)
#          --alpha A --cg-steps 3 --lowrank 32 (Tailor's low-rank rows; 0 = CG only) --split loo
#          --max-users N (test users scored, 0 = all)
#          --others 'bpr:rank=64,epochs=20;ease:lambda=300' (registry specs, ';'-separated; '' = none)
# Spark is downloaded (~256 MB, once) and built only here, through the bench profile's bench/spark module.
# Heap: TAILOR_BENCH_XMX (default 12g). Data folder: TAILOR_DATA_DIR (default ../shared/data).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -Pbench -DskipTests package -pl bench/spark -am >&2
# The module opens Spark 3.5 needs on Java 17 (its launcher passes the same list).
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
# -Xss: Spark ALS without a checkpoint directory grows an RDD lineage that overflows the default stack after
# ~10 iterations when the factors are collected; a larger stack is cheaper for Spark than checkpointing to disk.
# jdk.incubator.vector lets Spark use its fastest pure-Java BLAS (netlib VectorBLAS); no native BLAS is installed.
exec java -Xmx"${TAILOR_BENCH_XMX:-12g}" -XX:+UseParallelGC -Xss64m --add-modules=jdk.incubator.vector $opens -Djdk.reflect.useDirectMethodHandle=false \
  -Dtailor.data.dir="${TAILOR_DATA_DIR:-$root/../shared/data}" \
  -cp "bench/spark/target/classes:$(cat bench/spark/target/classpath.txt)" dev.tailor.bench.spark.AlsVsSpark "$@"
