#!/usr/bin/env bash
# Ringstore and etcd side by side on this machine (docs/benchmarks.md, "Ringstore and etcd, side by
# side"): three etcd members and a three-node Ringstore with its config service, one system at a
# time on loopback with fresh data directories, YCSB workloads A, B, C, F and W (write-only) at 1 and
# 64 client threads, a latency-versus-throughput sweep of A, server CPU per operation; results, a
# Markdown table and plots in results/compare-<time>/.
#
#   bench/compare.sh                 # the full run, under 15 minutes on two cores
#   bench/compare.sh --quick         # a smoke run, about 3 minutes
#   bench/compare.sh --rounds 5 --workloads A,W,C --seconds 20
#                                    # both systems up side by side, each round runs every workload
#                                    # on one and then the other; summary.md gives median ratios
#   bench/compare.sh --quick --tls   # adds Ringstore with TLS on every port (ringstore local --tls)
#                                    # right after plain Ringstore; summary.md gives its CPU/op ratio
#   bench/compare.sh --partition     # availability under a 2|3 partition (root: network namespaces)
#   bench/compare.sh --help          # every option (workloads, threads, records, output directory)
#
# Needs etcd on the PATH (Debian: apt-get install etcd-server). Every process it starts is stopped
# when it ends, fails or is interrupted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v etcd > /dev/null; then
  echo "etcd is not on the PATH: install it with \`apt-get install etcd-server\` (Debian) and run again" >&2
  exit 2
fi

mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package -pl cli,bench -am >&2
exec java -Djava.awt.headless=true -cp "$root/bench/target/ringstore-bench.jar" \
  dev.ringstore.bench.compare.Compare "$@"
