#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Serving load benchmark: starts the Tailor server on loopback over a prepared H2 store (Amazon Sports and
# Outdoors; a generated sample shop of 100,000 items and 1,000,000 customers), drives each scene with wrk at
# several target rates, and prints one table: achieved requests/s, p50/p99/p99.9 latency, errors, memory.
#   bench/serve-load.sh                          # both datasets, every scene, default rates (~25 minutes)
#   bench/serve-load.sh --datasets amazon-sports --scenes similar,home --duration 10
# Options: --datasets amazon-sports,sample  --scenes similar,home,bought-together,search,promotions
#          --duration SECONDS (per rate, default 15)  --connections N (unthrottled runs, default 16)
#          --rate-connections N (runs at a target rate, default 64: wrk paces each connection with a delay between
#          requests, so many connections keep the achieved rate close to the target)
#          --items N --customers M --sessions S (sample shop size; default 100000 1000000 1.49)
# Environment: TAILOR_BENCH_XMX (server heap, default 3g). Needs wrk (Debian: apt-get install wrk).
# Stores are prepared once under bench/out/serve/<dataset>/store and reused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

datasets="amazon-sports,sample"
scenes="similar,home,bought-together,search,promotions"
duration=15
connections=16
rate_connections=64
items=100000
customers=1000000
sessions=1.49
while [[ $# -gt 0 ]]; do
  case "$1" in
    --datasets) datasets="$2"; shift 2 ;;
    --scenes) scenes="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rate-connections) rate_connections="$2"; shift 2 ;;
    --items) items="$2"; shift 2 ;;
    --customers) customers="$2"; shift 2 ;;
    --sessions) sessions="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

./mvnw -q -B -Pbench -DskipTests package -pl bench -am >&2
jar=bench/target/tailor-bench.jar
key=bench-key-0123456789
work=bench/out/serve
xmx="${TAILOR_BENCH_XMX:-3g}"

# Target rates per scene (0 = as fast as wrk can drive it).
rates_for() {
  case "$1" in
    similar|bought-together) echo "1000 2500 5000 0" ;;
    home) echo "500 1000 2000 0" ;;
    *) echo "250 500 1000 0" ;;
  esac
}

results=()
for ds in ${datasets//,/ }; do
  if [[ "$ds" == sample ]]; then name="sample-$items-$customers-$sessions"; else name="$ds"; fi
  dir="$work/$name"
  if [[ ! -f "$dir/store/tailor.mv.db" || -f "$dir/preparing" ]]; then
    rm -rf "$dir/store"; mkdir -p "$dir"; touch "$dir/preparing"
    echo "preparing $name (once) ..." >&2
    if [[ "$ds" == sample ]]; then
      java -Xmx"$xmx" -cp "$jar" dev.tailor.bench.ServeBench prepare --data sample --items "$items" \
        --customers "$customers" --sessions "$sessions" --store "$dir/store" >&2
    else
      java -Xmx"$xmx" -cp "$jar" dev.tailor.bench.ServeBench prepare --data "$ds" --store "$dir/store" >&2
    fi
    rm -f "$dir/preparing"
  fi
  log="$dir/server.log"
  java -Xmx"$xmx" -Xms"$xmx" -XX:+UseParallelGC -XX:+AlwaysPreTouch -cp "$jar" dev.tailor.bench.ServeBench serve \
    --store "$dir/store" --ids "$dir/ids" > "$log" 2>&1 &
  pid=$!
  trap 'kill -TERM $pid 2>/dev/null || true' EXIT
  echo "starting the server on $name (pid $pid) ..." >&2
  until grep -q '^READY' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "server failed to start:" >&2; grep -v '^\s*at ' "$log" >&2
      if grep -q 'checksum mismatch' "$log"; then
        echo "the prepared store predates a change of the store schema: rm -rf $dir and run again" >&2
      fi
      exit 1
    fi
    sleep 2
  done
  ready="$(grep '^READY' "$log")"
  port="$(echo "$ready" | awk '{print $2}')"
  echo "$ready" >&2
  for scene in ${scenes//,/ }; do
    if [[ "$ds" != sample && ( "$scene" == search || "$scene" == promotions ) ]]; then
      continue  # Amazon Sports has no item text and no customer segments
    fi
    wrk -t1 -c"$connections" -d5s --timeout 2s -s bench/serve-load.lua "http://127.0.0.1:$port" -- \
      "$scene" "$dir/ids" 0 "$connections" "$key" > /dev/null  # warm-up
    for rate in $(rates_for "$scene"); do
      c=$([[ $rate == 0 ]] && echo "$connections" || echo "$rate_connections")
      out="$(wrk -t1 -c"$c" -d"${duration}s" --timeout 2s -s bench/serve-load.lua \
        "http://127.0.0.1:$port" -- "$scene" "$dir/ids" "$rate" "$c" "$key")"
      r="$(echo "$out" | grep '^RESULT')"
      rss_mb="$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)"
      heap_mb="$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^tailor_jvm_heap_used_bytes/ {printf "%.0f", $2/1048576}')"
      target="$([[ $rate == 0 ]] && echo max || echo "$rate")"
      results+=("$(echo "$r" | awk -v ds="$name" -v sc="$scene" -v t="$target" -v rss="$rss_mb" -v heap="$heap_mb" \
        '{printf "| %-28s | %-15s | %6s | %9.0f | %7.2f | %7.2f | %7.2f | %7.2f | %6d | %7d | %7s |", ds, sc, t, $2/($3/1e6), $6, $7, $8, $9, $4, $5, rss "/" heap}')")
      echo "${results[-1]}" >&2
    done
  done
  kill -TERM "$pid"; wait "$pid" || true
  trap - EXIT
done

echo
echo "Tailor serving benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), server -Xmx$xmx, wrk -t1, -c$rate_connections at a target rate, -c$connections at max, ${duration}s per rate"
echo
echo "| dataset                      | scene           | target |     req/s | p50 ms  | p99 ms  | p99.9ms | max ms  | errors | non-2xx | RSS/heap MB |"
echo "|------------------------------|-----------------|--------|-----------|---------|---------|---------|---------|--------|---------|-------------|"
printf '%s\n' "${results[@]}"
