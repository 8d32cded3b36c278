#!/usr/bin/env bash
# How long a storage node killed with kill -9 takes to serve again (docs/benchmarks.md, "Restart
# after kill -9"): one config replica and one fsync node on loopback, KEYS keys loaded (1 M by
# default), then per run a writer (the bench's put workload on WRITE_CONNECTIONS connections with
# WRITE_IN_FLIGHT requests outstanding each: every key once, then random keys) runs for
# WRITE_SECONDS, the node is killed with kill -9 and started again at once with the same command
# while the writer keeps sending, and the time from the kill until the node's protocol port accepts
# connections again (it is bound only once the node serves) is printed with the WAL it replayed.
#
#   bench/restart.sh                          # 3 runs, 1 M keys of 100 bytes, 4 x 8 writers
#   RUNS=5 KEYS=200000 bench/restart.sh       # other sizes
#   SKIP_BUILD=1 bench/restart.sh             # use the jars already built
#
# Ports BASE_PORT (default 26000), +1000 (HTTP), +600/+601 (config replica). Every process it
# starts is killed when it ends, and its data directory removed (KEEP=1 keeps it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

keys=${KEYS:-1000000}
runs=${RUNS:-3}
base=${BASE_PORT:-26000}
writers=${WRITE_CONNECTIONS:-4}
in_flight=${WRITE_IN_FLIGHT:-8}
write_seconds=${WRITE_SECONDS:-20}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package -pl cli,bench -am >&2
fi
bench_jar="$root/bench/target/ringstore-bench.jar"
dir="$(mktemp -d "${TMPDIR:-/tmp}/ringstore-restart.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "data and logs kept in $dir" >&2; else rm -rf "$dir"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
serving() { (exec 3<> "/dev/tcp/127.0.0.1/$base") 2> /dev/null; }
wait_serving() {
  local deadline=$((SECONDS + 180))
  until serving; do
    if [ $SECONDS -gt $deadline ]; then
      echo "n1 did not serve within 180 s; its log: $dir/node.log" >&2
      exit 1
    fi
    sleep 0.02
  done
}
start_node() {
  echo "--- start $(date +%T.%N)" >> "$dir/node.log"
  bin/ringstore node --id n1 --listen "127.0.0.1:$base" --http "127.0.0.1:$((base + 1000))" \
    --data "$dir/n1" --durability fsync --config "127.0.0.1:$((base + 601))" >> "$dir/node.log" 2>&1 &
  node=$!
  pids+=("$node")
}
wal_bytes() { find "$dir/n1" -name '*.log' ! -name LOG -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f MB in %d files", s / 1e6, NR }'; }

bin/ringstore config-server --id c1 --peers "c1=127.0.0.1:$((base + 600))" --data "$dir/c1" \
  > "$dir/config.log" 2>&1 &
pids+=($!)
start_node
config="127.0.0.1:$((base + 601))"
until bin/ringstore plan join --config "$config" --replicas 1 n1 > /dev/null 2>&1; do
  sleep 0.5
  if [ $SECONDS -gt 180 ]; then
    echo "the config service did not plan n1's join; see $dir/config.log and $dir/node.log" >&2
    exit 1
  fi
done
bin/ringstore commit --config "$config" > /dev/null
wait_serving
echo "loading $keys keys ..." >&2
java -jar "$bench_jar" --via "127.0.0.1:$base" --connections 16 --in-flight 8 --keys "$keys" \
  --value-bytes 100 --workloads put --warmup-seconds 0 --seconds 1 > "$dir/load.txt"

printf '%-4s %-22s %-8s\n' run "WAL at kill" "kill → serving (s)"
for run in $(seq 1 "$runs"); do
  java -jar "$bench_jar" --via "127.0.0.1:$base" --connections "$writers" --in-flight "$in_flight" \
    --keys "$keys" --value-bytes 100 --workloads put --warmup-seconds 0 \
    --seconds $((write_seconds + 30)) > "$dir/writer-$run.txt" 2>&1 &
  writer=$!
  pids+=("$writer")
  sleep "$write_seconds"
  wal="$(wal_bytes)"
  killed=$(now)
  kill -9 "$node"
  wait "$node" 2> /dev/null || true
  start_node
  wait_serving
  printf '%-4s %-22s %s\n' "$run" "$wal" "$(since "$killed")"
  kill -9 "$writer" 2> /dev/null || true
  wait "$writer" 2> /dev/null || true
  sleep 5
done
