#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sequential models (tailor-sequential): training with per-epoch time (wall and CPU) and validation NDCG@10,
# then the harness's leave-one-out test (`loo`) with paired significance tests against other models; or
# single-request serving latency (p50/p90/p99).
#   bench/sequential.sh quality amazon-beauty threads=2 [key=value...] [SPEC...]
#       keys: model (sasrec|gru) dim blocks heads dropout negatives (0 = full softmax) lr batch epochs
#             patience maxlen threads vusers seed out; textinit=all-minilm-l6-v2-q (item embeddings start from the
#             PCA of the item texts' language-model vectors; cache=FILE, default target/embedding-cache.bin);
#             baseline=MODEL.tlsq (a saved model of the same split, compared pairwise);
#             SPEC: a registry model to compare with, e.g. ease:lambda=300
#   bench/sequential.sh blend amazon-sports out/seqruns/sports/sasrec.tlsq 'item-knn:k=46,...'
#       the saved model blended with a registry model, weight chosen on validation, then tested
#   bench/sequential.sh latency random 18357          # randomly initialized SASRec with Sports' item count
#   bench/sequential.sh latency target/seq-amazon-sports/sasrec.tlsq
# Runs at nice 10 (shared machine; TAILOR_BENCH_NICE to change). Heap: TAILOR_BENCH_XMX (default 4g). Data: TAILOR_DATA_DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
./mvnw -q -B -o -pl tailor-sequential -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >&2
cp="$(cat "$cpfile"):tailor-sequential/target/classes:tailor-sequential/target/test-classes"
mode="$1"
shift
case "$mode" in
  quality) main=dev.tailor.sequential.bench.SequentialQuality ;;
  latency) main=dev.tailor.sequential.bench.SequentialLatency ;;
  blend) main=dev.tailor.sequential.bench.SequentialBlend ;;
  *) echo "usage: bench/sequential.sh quality|blend|latency ARGS..." >&2; exit 2 ;;
esac
exec nice -n "${TAILOR_BENCH_NICE:-10}" java -Xmx"${TAILOR_BENCH_XMX:-4g}" -Djava.awt.headless=true \
  -Dtailor.data.dir="${TAILOR_DATA_DIR:-$root/../shared/data}" -cp "$cp" "$main" "$@"
