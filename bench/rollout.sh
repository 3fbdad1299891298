#!/usr/bin/env bash
# Rollout-engine benchmarks. Prints its figures; nothing here is hard-coded.
#   1. detection latency: status write -> follower event, p50/p99 over >= 1000 changes, beside 2 s polling
#   2. one process following N rollouts: threads, heap, API requests/minute, watch vs 2 s polling
#   3. wall time of `bin/rollout-pilot status` from a cold start
# Usage: [PARTS="1 2 3"] bench/rollout.sh [ROLLOUTS=1000] [FOLLOW_SECONDS=60] [CHANGES=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROLLOUTS=${1:-1000}
FOLLOW_SECONDS=${2:-60}
CHANGES=${3:-2000}
PARTS=" ${PARTS:-1 2 3} "
part() { [[ "$PARTS" == *" $1 "* ]]; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== building"
mvn -B -q -ntp -DskipTests install -pl bench,cli -am 2>&1 | sed "s/\x1b\[[0-9;]*m//g" >&2
mvn -B -q -ntp dependency:build-classpath -pl bench -Dmdep.outputFile="$work/cp.txt" 2>&1 | sed "s/\x1b\[[0-9;]*m//g" >&2
cp="bench/target/classes:$(cat "$work/cp.txt")"

if part 1; then
echo
echo "== 1. detection latency ($CHANGES changes)"
java -cp "$cp" io.rolloutpilot.bench.rollout.DetectionLatencyBench "$CHANGES" 20
fi

if part 2; then
echo
echo "== 2. following $ROLLOUTS rollouts for ${FOLLOW_SECONDS}s, status of each changing every 10 s"
java -cp "$cp" io.rolloutpilot.bench.rollout.FollowManyBench driver "$ROLLOUTS" "$work/kubeconfig" 10 \
  >"$work/driver.out" 2>"$work/driver.err" &
pids+=($!)
for _ in $(seq 1 600); do grep -q "driver ready" "$work/driver.out" 2>/dev/null && break; sleep 0.2; done
grep -q "driver ready" "$work/driver.out" || { echo "driver did not start:"; cat "$work/driver.err"; exit 1; }
watch=$(java -cp "$cp" io.rolloutpilot.bench.rollout.FollowManyBench watch "$ROLLOUTS" "$work/kubeconfig" "$FOLLOW_SECONDS" | grep RESULT)
poll=$(java -cp "$cp" io.rolloutpilot.bench.rollout.FollowManyBench poll "$ROLLOUTS" "$work/kubeconfig" "$FOLLOW_SECONDS" | grep RESULT)
kill "${pids[0]}" 2>/dev/null || true
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
printf '  %-28s %10s %12s %10s %14s %10s\n' follower threads peak-threads heap-MiB requests/min events
for line in "$watch" "$poll"; do
  printf '  %-28s %10s %12s %10s %14s %10s\n' "$(field "$line" role)" "$(field "$line" threads)" \
    "$(field "$line" peakThreads)" "$(field "$line" heapMiB)" "$(field "$line" requestsPerMinute)" "$(field "$line" events)"
done
ratio=$(awk -v p="$(field "$poll" requestsPerMinute)" -v w="$(field "$watch" requestsPerMinute)" 'BEGIN{printf "%.0f", p/w}')
echo "  requests ratio polling/watch: ${ratio}x (goal >= 100x); goals for the watch follower: <= 16 threads, <= 256 MiB heap"
fi

if part 3; then
echo
echo "== 3. bin/rollout-pilot status, cold start (10 runs)"
bin/rollout-pilot sandbox --kubeconfig-out "$work/sandbox.kubeconfig" \
  --apply sandbox/src/main/resources/samples/guestbook.yaml >"$work/sandbox.out" 2>"$work/sandbox.err" &
pids+=($!)
for _ in $(seq 1 300); do grep -q "sandbox ready" "$work/sandbox.out" 2>/dev/null && break; sleep 0.2; done
grep -q "sandbox ready" "$work/sandbox.out" || { echo "sandbox did not start:"; cat "$work/sandbox.err"; exit 1; }
sleep 2
# The first run lists its classes and the launcher dumps its archive in the background once it exits;
# that run is shown apart, and the others start when the archive is in place.
rm -f cli/target/rollout-pilot-status.jsa
start=$(date +%s%N)
bin/rollout-pilot status guestbook --kubeconfig "$work/sandbox.kubeconfig" >/dev/null
echo "  first run (no archive yet): $(( ($(date +%s%N) - start) / 1000000 )) ms"
for _ in $(seq 1 600); do [ -f cli/target/rollout-pilot-status.jsa ] && break; sleep 0.1; done
[ -f cli/target/rollout-pilot-status.jsa ] || { echo "the launcher dumped no archive within 60 s"; exit 1; }
times=()
for _ in $(seq 1 10); do
  start=$(date +%s%N)
  bin/rollout-pilot status guestbook --kubeconfig "$work/sandbox.kubeconfig" >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "  wall ms per run: ${times[*]}"
echo "  median $(echo "$sorted" | sed -n 5p)-$(echo "$sorted" | sed -n 6p) ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms"
fi
