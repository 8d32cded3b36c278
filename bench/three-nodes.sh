#!/usr/bin/env bash
# The replicated benchmark of docs/benchmarks.md: for each durability mode, start three node
# processes on loopback (N=3, fresh data directories), preload 100,000 keys of 1 KiB, then run put,
# get and a 50/50 mix with the nodes' default quorums (R=2, W=2) over 16 connections spread over
# the three nodes, and stop them. Usage: bench/three-nodes.sh [fsync|async ...]
# Environment: SECONDS_PER_RUN (20), WARMUP (5), CONNECTIONS (16), IN_FLIGHT (1), KEYS (100000),
# WORKLOADS (put,get,mix), NODES (3; with more than N=3 each node is a replica of 3/NODES of the
# keys, which is where routing matters), ROUTING (node: connections spread over the nodes; token:
# the Java client sends each key to its primary).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(fsync async)

mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package -pl cli,bench -am >&2
node_jar="$root/cli/target/ringstore.jar"
bench_jar="$root/bench/target/ringstore-bench.jar"
base=$((17000 + RANDOM % 2000))
nodes="${NODES:-3}"
peers=""
via=""
for i in $(seq 1 "$nodes"); do
  peers="$peers${peers:+,}n$i=127.0.0.1:$((base + i - 1))"
  via="$via${via:+,}127.0.0.1:$((base + i - 1))"
done

for mode in "${modes[@]}"; do
  data="$(mktemp -d)"
  pids=()
  trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
  for i in $(seq 1 "$nodes"); do
    port=$((base + i - 1))
    java -jar "$node_jar" node --id "n$i" --listen "127.0.0.1:$port" --data "$data/n$i" \
      --durability "$mode" --peers "$peers" > "$data/n$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 1 "$nodes"); do
    for _ in $(seq 1 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$((base + i - 1))") 2>/dev/null && break
      sleep 0.1
    done
  done
  echo "== $nodes nodes, N=3 R=2 W=2, durability $mode, routing ${ROUTING:-node} (pids ${pids[*]}, data $data)"
  java -jar "$bench_jar" --via "$via" --routing "${ROUTING:-node}" \
    --connections "${CONNECTIONS:-16}" --in-flight "${IN_FLIGHT:-1}" --keys "${KEYS:-100000}" \
    --value-bytes 1024 --warmup-seconds "${WARMUP:-5}" --seconds "${SECONDS_PER_RUN:-20}" \
    --workloads "${WORKLOADS:-put,get,mix}"
  kill -TERM "${pids[@]}"
  wait "${pids[@]}" || true
  trap - EXIT
  rm -rf "$data"
done
