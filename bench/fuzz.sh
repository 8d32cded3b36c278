#!/usr/bin/env bash
# Fuzzes the decoders that a peer's bytes reach (docs/security.md, "Fuzzing"): each Jazzer @FuzzTest
# runs for real (JAZZER_FUZZ=1), one at a time, for DURATION each.
# Usage: bench/fuzz.sh [--list] [DURATION] [TARGET...]    (default: 10m, every target)
#   DURATION  like 30s, 10m, 1h
#   TARGET    a name from --list; several may be given
# Where things land, per target (paths under the target's module):
#   findings  src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1> (or timeout-, oom-):
#             the input that failed; it becomes a regression test as soon as it is committed there.
#             Fix the bug, give the file a name that says what it reproduces, and commit both.
#   corpus    .cifuzz-corpus/<Class>/<method>/: what the fuzzer learned; the next run starts from it.
#             Not committed (thousands of files); pick a few useful ones for the seed corpus.
# The test classes' @Timeout (meant for the corpus run in CI) is switched off while fuzzing.
# One Maven build and one fuzzer at a time: a run takes both cores it can get. Surefire stops a test
# JVM after 900 s, so a longer DURATION runs as several back-to-back runs that share the corpus.
# Exit status: 0 when nothing was found, 1 when a target produced a finding.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# name  module  test class  method
targets="
frame           protocol        dev.ringstore.protocol.FrameDecoderFuzzTest                      anyByteStreamDecodesToDocumentedEvents
config-port     config-service  dev.ringstore.config.server.ConfigPortFuzzTest                   anyRequestGetsOneWellFormedNonInternalResponse
context-bytes   common          dev.ringstore.common.versioning.VersionCodecsFuzzTest            causalContextBytes
context-text    common          dev.ringstore.common.versioning.VersionCodecsFuzzTest            causalContextText
stored-set      common          dev.ringstore.common.versioning.VersionCodecsFuzzTest            storedSet
gossip          gossip          dev.ringstore.gossip.GossipProtobufFuzzTest                      anyGossipBytesDecodeOrAreRefused
anti-entropy    gossip          dev.ringstore.gossip.antientropy.AntiEntropyMessageCodecFuzzTest anyBytesDecodeToAValidMessageOrAreRefused
bucket-table    ring            dev.ringstore.ring.BucketTableBinaryFuzzTest                     anyBytesDecodeToACheckedTableOrAreRefused
config-state    config-service  dev.ringstore.config.ConfigStateFuzzTest                         anyCommandsLeaveAConsistentState
"

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
  echo
  echo "Targets:"
  echo "$targets" | awk 'NF { printf "  %-14s %s#%s\n", $1, $3, $4 }'
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  --list) echo "$targets" | awk 'NF { print $1 }'; exit 0 ;;
esac

duration=10m
if [[ "${1:-}" =~ ^[0-9]+[smh]?$ ]]; then
  duration="$1"
  shift
fi
seconds() {
  local n="${1%[smh]}"
  case "$1" in
    *h) echo $((n * 3600)) ;;
    *m) echo $((n * 60)) ;;
    *) echo "$n" ;;
  esac
}
total="$(seconds "$duration")"
chunk=780 # 13 minutes: under surefire's 900 s, with room for the JVM to start and stop

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
  mapfile -t selected < <(echo "$targets" | awk 'NF { print $1 }')
fi
for name in "${selected[@]}"; do
  if ! echo "$targets" | awk -v n="$name" 'NF && $1 == n { found = 1 } END { exit !found }'; then
    echo "unknown target '$name'; bench/fuzz.sh --list shows them" >&2
    exit 2
  fi
done

cd "$root"
logs="$root/target/fuzz"
mkdir -p "$logs"
status=0
for name in "${selected[@]}"; do
  read -r _ module class method < <(echo "$targets" | awk -v n="$name" 'NF && $1 == n')
  simple="${class##*.}"
  package_dir="$(echo "${class%.*}" | tr . /)"
  inputs="$module/src/test/resources/$package_dir/${simple}Inputs/$method"
  before="$(find "$inputs" -type f 2>/dev/null | sort)"
  left="$total"
  failed=0
  while [ "$left" -gt 0 ]; do
    run=$((left < chunk ? left : chunk))
    left=$((left - run))
    log="$logs/$name.log"
    echo "fuzzing $name ($simple#$method) for ${run}s; log: $log"
    if ! JAZZER_FUZZ=1 mvn -B -ntp test -pl "$module" -am -Dspotless.skip \
      -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.hooks=true -Djazzer.max_duration="${run}s" \
      -Djunit.jupiter.execution.timeout.mode=disabled > "$log" 2>&1; then
      failed=1
      status=1
      break
    fi
  done
  found="$(comm -13 <(echo "$before") <(find "$inputs" -type f 2>/dev/null | sort))"
  if [ -n "$found" ]; then
    status=1
    echo "  FINDING in $name: $(grep -m1 -A2 'FuzzTestFindingException' "$log" | tail -n 2 | tr -s ' \n' ' ')"
    echo "$found" | sed 's/^/    new input: /'
  elif [ "$failed" -ne 0 ]; then
    echo "  $name failed without a new input; see $log"
  else
    echo "  nothing found; corpus: $module/.cifuzz-corpus/$class/$method"
  fi
done
exit "$status"
