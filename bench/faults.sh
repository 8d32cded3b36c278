#!/usr/bin/env bash
# The fault suite of issue 15 (docs/reliability.md): five nodes and three config replicas on test
# hosts (network namespaces), two client hosts writing three workloads through the Java client,
# each nemesis on its own (isolate, split, ring, kill, pause, config-leader, lossy) and mixed, then
# a last-writer-wins control that must lose writes; a checker verdict per nemesis and a summary
# table in results/faults-<time>/summary.md.
#
#   bench/faults.sh                        # the full catalogue, 130 s of load per nemesis (~30 min)
#   bench/faults.sh --quick                # CI profile: split, ring, kill, lossy + control, 40 s each (~6 min)
#   bench/faults.sh --nemesis pause,kill --seconds 60
#   bench/faults.sh --help                 # every option
#
# Needs root (namespaces), iproute2, and nftables for the ring and lossy nemeses. Every fault is
# undone and every process stopped when it ends, fails or is interrupted; exits 1 when a nemesis
# run fails its checks (or the control loses nothing), 2 when it cannot run here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED fault suite: needs root (network namespaces); run it as root" >&2
  exit 2
fi

mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package -pl cli,bench -am >&2
exec java -Xmx512m -cp "$root/bench/target/ringstore-bench.jar" \
  dev.ringstore.bench.faults.FaultSuite "$@"
