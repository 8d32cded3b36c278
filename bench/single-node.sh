#!/usr/bin/env bash
# The single-node benchmark of docs/benchmarks.md: for each durability mode, start one node on
# loopback with a fresh data directory, preload 100,000 keys of 1 KiB, then run put, get and a
# 50/50 mix over 16 connections, and stop the node. Usage: bench/single-node.sh [fsync|async ...]
# Environment: SECONDS_PER_RUN (20), WARMUP (5), CONNECTIONS (16), IN_FLIGHT (1), KEYS (100000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(fsync async)

mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package -pl cli,bench -am >&2
node_jar="$root/cli/target/ringstore.jar"
bench_jar="$root/bench/target/ringstore-bench.jar"
port=$((17000 + RANDOM % 2000))

for mode in "${modes[@]}"; do
  data="$(mktemp -d)"
  java -jar "$node_jar" node --id bench1 --listen "127.0.0.1:$port" --data "$data" --durability "$mode" \
    ${STORAGE_THREADS:+--storage-threads "$STORAGE_THREADS"} > "$data.log" 2>&1 &
  node_pid=$!
  trap 'kill $node_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  echo "== durability $mode (node pid $node_pid, data $data)"
  java -jar "$bench_jar" --via "127.0.0.1:$port" \
    --connections "${CONNECTIONS:-16}" --in-flight "${IN_FLIGHT:-1}" --keys "${KEYS:-100000}" \
    --value-bytes 1024 --warmup-seconds "${WARMUP:-5}" --seconds "${SECONDS_PER_RUN:-20}" \
    --workloads put,get,mix
  kill -TERM "$node_pid"
  wait "$node_pid" || true
  trap - EXIT
  rm -rf "$data" "$data.log"
done
