#!/usr/bin/env bash
# The CLI start-up measurement of docs/benchmarks.md: wall time of `bin/ringstore put` and
# `bin/ringstore get`, each run RUNS times one after the other against a running local cluster,
# printed as median, min and max in seconds, with the median CPU time. One put of a fresh key runs
# first, not counted (it builds the jar if stale and the class-data archive if missing).
# Usage: bench/cli-startup.sh [--data DIR] [RUNS]    (default: ./data/local, 10 runs)
# RINGSTORE=path/to/bin/ringstore measures another checkout's command (an earlier commit's, say).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

data=./data/local
if [ "${1:-}" = --data ]; then
  data="$2"
  shift 2
fi
runs="${1:-10}"
cmd="${RINGSTORE:-$root/bin/ringstore}"

key="cli-startup-$(date +%s%N)"
"$cmd" put --data "$data" "$key" warm-up > /dev/null

# Prints the median, min and max wall time of RUNS runs of the command given, and the median CPU
# time (user + system, of the command and its children): the figure that a busy machine disturbs
# least.
measure() {
  local rows=() row
  for _ in $(seq 1 "$runs"); do
    row="$({ TIMEFORMAT='%3R %3U %3S'; time "$@" > /dev/null 2>&1; } 2>&1)"
    rows+=("$row")
  done
  printf '%s\n' "${rows[@]}" | awk '
    { wall[NR] = $1; cpu[NR] = $2 + $3 }
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
      m = median(wall, NR); c = median(cpu, NR)
      printf "median %.3f s  min %.3f s  max %.3f s  cpu %.3f s  (%d runs)\n", m, wall[1], wall[NR], c, NR
    }'
}

printf 'put: '
measure "$cmd" put --data "$data" "$key" value
printf 'get: '
measure "$cmd" get --data "$data" "$key"
