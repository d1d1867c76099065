#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Throughput of Tailor's in-process text encoders (items/s per model, batch size and thread layout), and the
# Amazon Scientific catalog run (all 4,385 item texts + nearest-neighbour sanity check).
#   bench/text-encoders.sh [throughput] [models=...] [batches=1,8,32,64] [threads=2x1,1x2] [items=1000] [reps=3]
#                          [peer=true]   (peer: also time langchain4j's own classes on the same texts)
#   bench/text-encoders.sh catalog [model=all-minilm-l6-v2-q]
#   bench/text-encoders.sh profile [items=1000] [reps=3] [layouts=8:2x1,32:1x1]   (tokenizer vs ONNX, bge-small-zh)
# Needs the shared datasets (../shared/data or TAILOR_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
./mvnw -q -pl tailor-text -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/out/tailor-text.classpath" -Dmdep.includeScope=test
CP="tailor-text/target/test-classes:tailor-text/target/classes:$(cat bench/out/tailor-text.classpath)"
DATA="${TAILOR_DATA_DIR:-$PWD/../shared/data}"
MAIN=dev.tailor.text.bench.EncoderBench
case "${1:-}" in
  catalog) MAIN=dev.tailor.text.bench.CatalogBench; shift ;;
  profile) MAIN=dev.tailor.text.encoder.EncoderProfile; shift ;;
  throughput) shift ;;
esac
exec java ${JAVA_OPTS:-} -Xmx2g -Dtailor.data.dir="$DATA" -cp "$CP" "$MAIN" "$@"
